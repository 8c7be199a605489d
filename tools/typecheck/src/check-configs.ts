import { resolve } from 'node:path';
import ts from 'typescript';

export interface ConfigsCheck {
  ok: boolean;
  /** The diagnostics as tsc prints them, then one line per tsconfig. */
  output: string;
}

/**
 * Parsed files shared by the programs checked one after another in this thread. Each tsconfig is
 * still its own program with its own options and its own checker; what is shared is the parse and
 * bind of the files two programs read under the same source-affecting options (node_modules'
 * declarations above all), as the TypeScript language server shares them between the projects of
 * an editor; a file read under other options gets its own entry (the registry keys by them).
 * Files stay parsed while the last program holds them, so memory stays near two programs' worth.
 */
export interface SharedFiles {
  registry: ts.DocumentRegistry;
  lastService?: ts.LanguageService;
}

export function createSharedFiles(root: string): SharedFiles {
  return { registry: ts.createDocumentRegistry(ts.sys.useCaseSensitiveFileNames, root) };
}

/** Checks each tsconfig in turn, as `tsc -p <config> --noEmit` would, and reports them all. */
export function checkConfigs(root: string, tsConfigs: string[], shared: SharedFiles): ConfigsCheck {
  let ok = true;
  let output = '';
  for (const tsConfig of tsConfigs) {
    const started = Date.now();
    const diagnostics = diagnosticsOf(resolve(root, tsConfig), shared);
    const errors = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error).length;
    ok &&= errors === 0;
    output += format(diagnostics, root);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    output += `${tsConfig}: ${errors === 0 ? 'no errors' : `${errors} error${errors === 1 ? '' : 's'}`} (${seconds} s)\n`;
  }
  return { ok, output };
}

function diagnosticsOf(configPath: string, shared: SharedFiles): readonly ts.Diagnostic[] {
  const unrecoverable: ts.Diagnostic[] = [];
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    { noEmit: true },
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => unrecoverable.push(d) },
  );
  if (!config) return unrecoverable;
  const service = ts.createLanguageService(languageServiceHost(config), shared.registry);
  const program = service.getProgram();
  // This program now holds the files it shares with the last one; the others can go.
  shared.lastService?.dispose();
  shared.lastService = service;
  if (!program) throw new Error(`TypeScript built no program for ${configPath}`);
  return tscDiagnostics(program, config.errors);
}

/** The diagnostics `tsc --noEmit` reports, in its order of giving up (its emitFilesAndReportErrors). */
function tscDiagnostics(
  program: ts.Program,
  configErrors: readonly ts.Diagnostic[],
): readonly ts.Diagnostic[] {
  const options = program.getCompilerOptions();
  const all = [...configErrors, ...program.getSyntacticDiagnostics()];
  if (all.length === configErrors.length) {
    all.push(...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics());
    if (all.length === configErrors.length) all.push(...program.getSemanticDiagnostics());
    if ((options.declaration || options.composite) && all.length === configErrors.length)
      all.push(...program.getDeclarationDiagnostics());
  }
  return ts.sortAndDeduplicateDiagnostics(all);
}

function languageServiceHost(config: ts.ParsedCommandLine): ts.LanguageServiceHost {
  return {
    getCompilationSettings: () => config.options,
    getScriptFileNames: () => config.fileNames,
    getProjectReferences: () => config.projectReferences,
    // Nothing changes while a check runs: one version of every file.
    getScriptVersion: () => '1',
    getScriptSnapshot: (fileName) => {
      const text = ts.sys.readFile(fileName);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => ts.sys.getCurrentDirectory(),
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    useCaseSensitiveFileNames: () => ts.sys.useCaseSensitiveFileNames,
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
    realpath: ts.sys.realpath,
  };
}

function format(diagnostics: readonly ts.Diagnostic[], root: string): string {
  if (diagnostics.length === 0) return '';
  const host: ts.FormatDiagnosticsHost = {
    getCurrentDirectory: () => root,
    getCanonicalFileName: (fileName) => fileName,
    getNewLine: () => '\n',
  };
  return process.stdout.isTTY
    ? ts.formatDiagnosticsWithColorAndContext(diagnostics, host)
    : ts.formatDiagnostics(diagnostics, host);
}
