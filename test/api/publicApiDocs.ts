import ts from "typescript";

/** What the public entry exports, and which of its functions, classes and constants lack a doc comment. */
export function publicApiDocumentation(entry: string): {
  exported: string[];
  undocumented: string[];
} {
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (source === undefined) throw new Error(`cannot read ${entry}`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (moduleSymbol === undefined) throw new Error(`${entry} is not a module`);
  const exported: string[] = [];
  const undocumented: string[] = [];
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
    exported.push(symbol.name);
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    // Types document themselves through their members; what users call must say what it does.
    const callable =
      target.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Class | ts.SymbolFlags.Variable);
    if (!callable) continue;
    if (target.getDocumentationComment(checker).length === 0) undocumented.push(symbol.name);
  }
  return { exported: exported.sort(), undocumented: undocumented.sort() };
}
