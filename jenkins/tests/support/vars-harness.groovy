// Runs the shared-library steps of jenkins/vars in plain Groovy, with Jenkins' steps replaced by
// recorders, so jenkins/tests/vars.test.ts can check what they do without a Jenkins.
//   java -cp groovy-4.x.jar:groovy-json-4.x.jar groovy.ui.GroovyMain vars-harness.groovy <vars dir> <cases.json>
// Each case: { name, env, files: [paths that exist], stdout: {regex: text}, status: {regex: code},
// scm, calls: [{ var, method, args }] }. Prints one JSON object: { <case name>: { results, steps } }.
// A result is { value } or { error } (the message given to `error`).
/* groovylint-disable AbstractClassWithoutAbstractMethod, Instanceof, JavaIoPackageAccess */
import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import org.codehaus.groovy.control.CompilerConfiguration

/** Thrown by the `error` step. */
class StepError extends RuntimeException {

  StepError(String message) {
    super(message)
  }

}

/** Lets a var call another var like Jenkins does: `showroomImageTag()` runs its `call`. */
abstract class HarnessScript extends Script {

  Object invokeMethod(String name, Object args) {
    try {
      return super.invokeMethod(name, args)
    } catch (MissingMethodException e) {
      Object target = binding.hasVariable(name) ? binding.getVariable(name) : null
      if (e.method == name && target instanceof Script) {
        return target.invokeMethod('call', args)
      }
      throw e
    }
  }

}

String varsDir = args[0]
List cases = new JsonSlurper().parse(new File(args[1])) as List
Map output = [:]

cases.each { Map c ->
  List steps = []
  Binding binding = new Binding()
  Map env = [:]
  (c.env ?: [:]).each { k, v -> env[k] = v }
  Set files = (c.files ?: []) as Set
  Map stdout = c.stdout ?: [:]
  Map status = c.status ?: [:]
  Closure lookup = { Map table, String command, Object fallback ->
    Map.Entry hit = table.find { pattern, value -> command =~ pattern }
    hit == null ? fallback : hit.value
  }
  Closure record = { String name, Object args -> steps << [step: name, args: args] }

  binding.setVariable('env', env)
  binding.setVariable('currentBuild', [durationString: '3 min 2 sec', description: null])
  binding.setVariable('scm', c.scm ?: [
    userRemoteConfigs: [[name: 'origin', url: 'https://bitbucket.org/showroom/showroom.git',
      refspec: null, credentialsId: 'bitbucket-showroom']],
    extensions: [],
    branches: [[name: 'master']],
  ])
  binding.setVariable('sh', { Object arg ->
    Map opts = arg instanceof Map ? arg : [script: arg.toString()]
    String script = opts.script
    record('sh', script)
    if (opts.returnStdout) {
      return lookup(stdout, script, '').toString()
    }
    Integer code = lookup(status, script, 0) as Integer
    if (opts.returnStatus) {
      return code
    }
    if (code != 0) {
      throw new StepError("script returned exit code ${code}")
    }
    return null
  })
  binding.setVariable('error', { Object message -> throw new StepError(message.toString()) })
  binding.setVariable('echo', { Object message -> record('echo', message.toString()) })
  binding.setVariable('fileExists', { Object path -> files.contains(path.toString()) })
  binding.setVariable('readFile', { Object path ->
    record('readFile', path.toString())
    lookup(stdout, "readFile ${path}", '').toString()
  })
  binding.setVariable('checkout', { Object arg -> record('checkout', arg); [:] })
  binding.setVariable('withEnv', { List vars, Closure body ->
    record('withEnv', vars.collect { it.toString() })
    body()
  })
  binding.setVariable('withCredentials', { List bindings, Closure body ->
    record('withCredentials', bindings)
    body()
  })
  binding.setVariable('slackSend', { Map arg -> record('slackSend', arg) })
  binding.setVariable('emailext', { Map arg -> record('emailext', arg) })

  CompilerConfiguration config = new CompilerConfiguration()
  config.scriptBaseClass = HarnessScript.name
  GroovyShell shell = new GroovyShell(this.class.classLoader, binding, config)
  new File(varsDir).listFiles().findAll { it.name.endsWith('.groovy') }.each { File file ->
    Script script = shell.parse(file)
    script.binding = binding
    binding.setVariable(file.name - '.groovy', script)
  }

  List results = (c.calls ?: []).collect { Map call ->
    Script target = binding.getVariable(call.var) as Script
    try {
      Object value = target.invokeMethod(call.method ?: 'call', (call.args ?: []) as Object[])
      [value: value instanceof GString ? value.toString() : value]
    } catch (StepError e) {
      [error: e.message]
    }
  }
  output[c.name] = [results: results, steps: steps, env: env]
}

println JsonOutput.toJson(output)
