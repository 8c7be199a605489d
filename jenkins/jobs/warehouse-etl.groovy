// Job DSL: the nightly warehouse ETL. Run by the seed job (Job DSL plugin) with this repository
// checked out; jenkins/README.md says how. The pipeline it runs,
// jenkins/pipelines/warehouse-etl.Jenkinsfile from master, declares the same parameters and trigger.
String repository = 'https://bitbucket.org/showroom/showroom.git'

pipelineJob('showroom-warehouse-etl') {
  displayName('Showroom: nightly warehouse ETL')
  description('''Exports the day's leads, vehicles, deals and analytics events as Parquet to the warehouse bucket
(infra/scripts/warehouse-export.sh), then loads them into Redshift Serverless with COPY (infra/scripts/warehouse-load.sh).
Every night at about 02:00 UTC for prod, yesterday (UTC). Run it by hand with DAY to redo a day: both steps replace the day.''')
  parameters {
    choiceParam('ENVIRONMENT', ['prod', 'beta', 'qa', 'dev'], 'Environment whose warehouse to fill (the nightly run: prod)')
    stringParam('DAY', '', 'UTC day YYYY-MM-DD; empty: yesterday')
  }
  properties {
    pipelineTriggers {
      triggers {
        cron {
          spec('TZ=UTC\nH 2 * * *')
        }
      }
    }
  }
  definition {
    cpsScm {
      scm {
        git {
          remote {
            url(repository)
            credentials('bitbucket-showroom')
          }
          branch('*/master')
        }
      }
      scriptPath('jenkins/pipelines/warehouse-etl.Jenkinsfile')
      lightweight(true)
    }
  }
}
