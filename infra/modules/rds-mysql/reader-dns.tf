# Names for the database in a private hosted zone of the platform's VPC (ADR 0014):
#   writer.<zone>     the primary
#   replica-N.<zone>  each in-region replica: services list these in *_DATABASE_READER_URLS, and
#                     check each one's lag themselves (ReplicaRotation)
#   reader.<zone>     one name over the in-region replicas for every other client (exports, tools):
#                     weighted records, each answered only while its replica's ReplicaLag alarm is OK.
# Route 53's checkers cannot reach a private address, so the health checks follow CloudWatch alarms.

resource "aws_route53_zone" "db" {
  name    = var.dns_zone_name
  comment = "Private names of ${var.identifier}"

  vpc {
    vpc_id = var.vpc_id
  }
}

resource "aws_route53_record" "writer" {
  zone_id = aws_route53_zone.db.zone_id
  name    = "writer.${var.dns_zone_name}"
  type    = "CNAME"
  ttl     = 60
  records = [aws_db_instance.primary.address]
}

resource "aws_route53_record" "replica" {
  count = var.read_replica_count

  zone_id = aws_route53_zone.db.zone_id
  name    = "replica-${count.index + 1}.${var.dns_zone_name}"
  type    = "CNAME"
  ttl     = 60
  records = [aws_db_instance.replica[count.index].address]
}

resource "aws_cloudwatch_metric_alarm" "replica_lag" {
  count = var.read_replica_count

  alarm_name          = "${aws_db_instance.replica[count.index].identifier}-lag"
  alarm_description   = "Replica ${count.index + 1} is more than ${var.reader_max_lag_seconds} s behind, or reports nothing: reader.${var.dns_zone_name} stops naming it."
  namespace           = "AWS/RDS"
  metric_name         = "ReplicaLag"
  dimensions          = { DBInstanceIdentifier = aws_db_instance.replica[count.index].identifier }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 2
  datapoints_to_alarm = 2
  threshold           = var.reader_max_lag_seconds
  comparison_operator = "GreaterThanThreshold"
  # A stopped or deleted replica reports no lag at all: that is unhealthy too.
  treat_missing_data = "breaching"
}

resource "aws_route53_health_check" "replica" {
  count = var.read_replica_count

  type                            = "CLOUDWATCH_METRIC"
  cloudwatch_alarm_name           = aws_cloudwatch_metric_alarm.replica_lag[count.index].alarm_name
  cloudwatch_alarm_region         = data.aws_region.current.region
  insufficient_data_health_status = "Unhealthy"

  tags = {
    Name = "${aws_db_instance.replica[count.index].identifier}-reader"
  }
}

# Equal weights: Route 53 answers the healthy replicas in turn (and all of them if none is healthy,
# where the services' own rotation sends reads to the writer).
resource "aws_route53_record" "reader" {
  count = var.read_replica_count

  zone_id         = aws_route53_zone.db.zone_id
  name            = "reader.${var.dns_zone_name}"
  type            = "CNAME"
  ttl             = 10
  records         = [aws_db_instance.replica[count.index].address]
  set_identifier  = "replica-${count.index + 1}"
  health_check_id = aws_route53_health_check.replica[count.index].id

  weighted_routing_policy {
    weight = 1
  }
}

data "aws_region" "current" {}
