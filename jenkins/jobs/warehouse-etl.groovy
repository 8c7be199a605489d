// Job DSL: the nightly warehouse ETL. Run by the seed job (Job DSL plugin) with this repository
// checked out; jenkins/README.md says how. The pipeline it runs,
// jenkins/pipelines/warehouse-etl.Jenkinsfile from master, declares the same parameters and trigger.
String repository = 'https://bitbucket.org/showroom/showroom.git'

pipelineJob('showroom-warehouse-etl') {
  displayName('Showroom: nightly warehouse ETL')
  description('''Exports the day's leads, vehicles, deals and analytics events as Parquet to the warehouse bucket
(infra/scripts/warehouse-export.sh), then loads them into Redshift Serverless with COPY (infra/scripts/warehouse-load.sh).
Every night at about 02:00 UTC for prod, yesterday (UTC); the events of the 2 days before are exported and loaded again (DAYS),
because events arrive late. Run it by hand with DAY (and DAYS) to redo days: both steps replace a day.''')
  parameters {
    choiceParam('ENVIRONMENT', ['prod', 'beta', 'qa', 'dev'], 'Environment whose warehouse to fill (the nightly run: prod)')
    stringParam('DAY', '', 'UTC day YYYY-MM-DD; empty: yesterday')
    stringParam('DAYS', '3', 'Days ending with DAY whose late events are exported and loaded again (1-31)')
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
