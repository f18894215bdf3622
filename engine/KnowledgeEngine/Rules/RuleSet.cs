using KnowledgeEngine.Facts;
using KnowledgeEngine.Rete;
using KnowledgeEngine.Rules.Compilation;
using KnowledgeEngine.Rules.Loading;
using KnowledgeEngine.Rules.Model;
using KnowledgeEngine.Rules.Running;

namespace KnowledgeEngine.Rules;

/// <summary>
/// The loaded knowledge: every rule file under the given paths, validated and compiled into one
/// network. Rules with errors are left out and their diagnostics kept; the rest run.
/// Immutable and thread-safe; <see cref="Run(IEnumerable{Fact})"/> uses a fresh session each time.
/// </summary>
public sealed class RuleSet
{
    private readonly Lazy<ISessionFactory> _factory;
    /// <summary>The rules without errors; a built-in rule loaded for a diagnosis is compiled when first needed.</summary>
    private readonly IReadOnlyList<RuleEntry> _entries;
    /// <summary>Every rule compiled: what a run of the whole rule set, kb test and kb eval need.</summary>
    private readonly Lazy<IReadOnlyList<CompiledRule>> _compiled;
    private readonly Lazy<IReadOnlyList<LoadedRule>> _rules;
    private readonly Lazy<RuleProber> _prober;
    /// <summary>The diagnosis networks built so far (the rules a bundle can report and their near-miss
    /// probes), by the ids of those rules: bundles of one kind share one.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (ISessionFactory Factory, RuleProber Prober)> _diagnosisNetworks = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, List<IReadOnlyList<ConditionModel>>> _derivers;
    /// <summary>The engine's compiler with the code rules added to every network it builds: a code rule derives
    /// facts that any network's YAML rules may read, and it is cheap beside them.</summary>
    private readonly Func<IEnumerable<RuleDefinition>, ISessionFactory> _engine;

    private RuleSet(string? root, IReadOnlyList<RuleModel> all, IReadOnlyList<RuleEntry> entries, IReadOnlyList<Diagnostic> diagnostics,
        IReadOnlyList<CodeRule> code, Func<IEnumerable<RuleDefinition>, ISessionFactory>? engine = null)
    {
        var compile = engine ?? RuleCompiler.Compile;
        CodeRules = code;
        _engine = code.Count == 0 ? compile : definitions => compile(definitions.Concat(code.Select(c => c.Definition)));
        Root = root;
        AllRules = all;
        _entries = entries;
        _compiled = new(() => entries.Select(e => e.Compiled).ToList());
        _rules = new(() => _compiled.Value.Select(c => c.Rule).ToList());
        _prober = new(() => new RuleProber(_compiled.Value, _engine));
        _derivers = RuleRunner.Derivers(entries);
        Diagnostics = diagnostics;
        // Each network is built on first use: kb diagnose runs only the one with the near-miss probes,
        // kb test and kb eval only the plain one, and a build costs 150-300 ms for the built-in rules.
        _factory = new(() => _engine(_compiled.Value.SelectMany(c => c.Definitions)));
        ScanPlan = ScanPlanCollector.Collect(entries.Select(e => e.Model));
    }

    /// <summary>The same rules run by another engine: <paramref name="compile"/> turns the rule
    /// definitions into sessions (our Rete engine's <see cref="RuleCompiler.Compile"/> by default; e.g.
    /// the NRules back end's compiler, which this project does not reference itself).</summary>
    public RuleSet WithEngine(Func<IEnumerable<RuleDefinition>, ISessionFactory> compile)
    {
        ArgumentNullException.ThrowIfNull(compile);
        return new RuleSet(Root, AllRules, _entries, Diagnostics, CodeRules, compile);
    }

    /// <summary>The rules written in code that run in every session beside the YAML rules (<see cref="CodeRule"/>).</summary>
    public IReadOnlyList<CodeRule> CodeRules { get; }

    /// <summary>The knowledge base root (the folder holding rules/ and knowledge/), when found.</summary>
    public string? Root { get; }

    /// <summary>Every rule file that could be read, with or without errors (for lint).</summary>
    internal IReadOnlyList<RuleModel> AllRules { get; }

    /// <summary>How many rule files were read, with or without errors.</summary>
    public int FileCount => AllRules.Count;

    /// <summary>The rules that loaded without errors and take part in runs.</summary>
    public IReadOnlyList<LoadedRule> Rules => _rules.Value;

    /// <summary>Errors and warnings of every file, ordered by file and position.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The load diagnostics plus the style checks of every file (missing examples,
    /// signatures, collect hints, knowledge links), ordered by file and position: what kb lint prints.</summary>
    public IReadOnlyList<Diagnostic> Lint() =>
        Diagnostics.Concat(AllRules.SelectMany(Validation.StyleChecks.Check))
            .OrderBy(d => d.Span.File, StringComparer.Ordinal).ThenBy(d => d.Span.Line).ThenBy(d => d.Span.Column).ToList();

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The log literals and regexes the rules need, for <see cref="Bundle.Scan(ScanPlan, int?)"/>.</summary>
    public ScanPlan ScanPlan { get; }

    /// <summary>Node counts of the compiled network by kind.</summary>
    public IReadOnlyDictionary<string, int> NetworkSummary => _factory.Value.NetworkSummary;

    /// <summary>The rule files of a folder, searched recursively in path order: *.yaml and *.yml, leaving
    /// out the example bundles (any folder named examples), whose YAML files are facts, not rules.</summary>
    public static IEnumerable<string> FilesIn(string folder) =>
        Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Where(f => !Path.GetRelativePath(folder, f).Replace('\\', '/').Split('/').SkipLast(1).Contains(ExamplesFolder, StringComparer.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>The folder name that holds example bundles beside rule files.</summary>
    public const string ExamplesFolder = "examples";

    /// <summary>Loads *.yaml and *.yml files: each path is a file or a folder searched recursively
    /// (<see cref="FilesIn"/>).</summary>
    /// <param name="root">The knowledge base root; found by walking up from the first path to a
    /// folder that holds knowledge/ when null.</param>
    /// <param name="code">Rules written in code, run in the same sessions; YAML rules may read the facts they derive.</param>
    public static RuleSet Load(IEnumerable<string> paths, string? root = null, IReadOnlyList<CodeRule>? code = null)
    {
        var list = paths.ToList();
        root ??= FindRoot(list.FirstOrDefault() ?? ".");
        var files = new List<string>();
        foreach (var path in list)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(FilesIn(path));
            }
            else
            {
                files.Add(path);
            }
        }

        return Load(root, files.Select(RuleSource.FromFile), root is null ? null : KnowledgeCatalog.InFolder(root), code ?? []);
    }

    /// <summary>Loads rule files given as text, checked against the catalog (the articles rules link to,
    /// the bundles and cases examples name; null skips those checks). Diagnostics name each source's path.
    /// Examples that name a bundle or case run only from a rule set loaded from a folder.</summary>
    /// <param name="code">Rules written in code, run in the same sessions; YAML rules may read the facts they derive.</param>
    public static RuleSet Load(IEnumerable<RuleSource> sources, KnowledgeCatalog? catalog, IReadOnlyList<CodeRule>? code = null) =>
        Load(null, sources, catalog, code ?? []);

    private static RuleSet Load(string? root, IEnumerable<RuleSource> files, KnowledgeCatalog? catalog, IReadOnlyList<CodeRule> code)
    {
        var loader = new RuleSetLoader(catalog, code);
        var read = loader.Read(files);
        var compiled = loader.Compile(read);
        return new RuleSet(root, read.Select(r => r.Model).ToList(), compiled, loader.Bag.Items, code);
    }

    public static RuleSet Load(string path, string? root = null) => Load([path], root);

    /// <summary>Runs the rules over the facts (bundle, file, log, resource and config facts) in one session.</summary>
    /// <summary>The ids of loaded rules closest to <paramref name="id"/> (a typo, or a name without its
    /// platform), best first: those whose id holds the typed name, then by edit distance.</summary>
    public IReadOnlyList<string> ClosestIds(string id, int count = 3)
    {
        var name = id.Split('/')[^1];
        // From the entries, so that looking up a name compiles no rule.
        var ids = _entries.Select(e => e.Id).ToList();
        return ids.Where(i => i.Contains(name, StringComparison.OrdinalIgnoreCase))
            .Concat(Expressions.NameSuggestions.Ranked(id, ids).Where(i => Expressions.NameSuggestions.Distance(id, i) <= Math.Max(2, id.Length / 6)))
            .Distinct(StringComparer.Ordinal).Take(count).ToList();
    }

    public RuleRun Run(IEnumerable<Fact> facts) => new RuleRunner(_factory.Value, _compiled.Value, _derivers).Run(facts);

    /// <summary>Runs the rules and the near-miss probes over the facts in one session: the run's
    /// <see cref="RuleRun.NearMisses"/> names the rules that missed one required condition.</summary>
    public RuleRun RunWithNearMisses(IEnumerable<Fact> facts) => RunWithNearMisses(facts, everyRule: false);

    /// <param name="everyRule">Build the network of every rule, not only of those the facts can bring into the
    /// report: the oracle the tests hold <see cref="RuleRelevance"/> to.</param>
    internal RuleRun RunWithNearMisses(IEnumerable<Fact> facts, bool everyRule)
    {
        if (facts is FactStream stream && !everyRule)
        {
            return RunWithNearMisses(stream, onFact: null);
        }

        // The session holds every fact anyway; listing them first lets the network leave out the rules
        // they cannot bring into the report (RuleRelevance), which for a small bundle is nearly all of them.
        IReadOnlyList<Fact> list;
        using (EngineActivities.Start(EngineActivities.Scan))
        {
            list = facts as IReadOnlyList<Fact> ?? facts.ToList();
        }

        return RunRelevant(list, everyRule);
    }

    /// <summary>Reads the scan, showing each fact to <paramref name="onFact"/> (a progress display) as it comes, and runs
    /// the rules and the near-miss probes over its facts as <see cref="RunWithNearMisses(IEnumerable{Fact})"/> does.</summary>
    internal RuleRun RunWithNearMisses(FactStream stream, Action<Fact>? onFact)
    {
        List<Fact> list;
        using (EngineActivities.Start(EngineActivities.Scan))
        {
            list = ReadWhileCompiling(stream, onFact);
        }

        return RunRelevant(list, everyRule: false);
    }

    private RuleRun RunRelevant(IReadOnlyList<Fact> list, bool everyRule)
    {
        var relevant = everyRule ? _compiled.Value.ToList() : CompileAll(RuleRelevance.Select(_entries, ScanPlan, list, CodeRules.Select(c => c.Fact)));
        var (factory, prober) = _diagnosisNetworks.GetOrAdd(string.Join('\n', relevant.Select(r => r.Rule.Id)), _ =>
        {
            using var span = EngineActivities.Start(EngineActivities.Network);
            var probes = new RuleProber(relevant, _engine);
            return (_engine(relevant.SelectMany(c => c.Definitions).Concat(probes.Probes.Select(p => p.Probe))), probes);
        });
        using (EngineActivities.Start(EngineActivities.Run))
        {
            return new RuleRunner(factory, relevant, _derivers, prober).Run(list);
        }
    }

    /// <summary>The facts of the stream, in order. While a scan's reader waits for its workers, the rules the facts so far
    /// make relevant are compiled (<see cref="CompileAhead"/>): on a 1 GB host log, the compile then overlaps the scan.</summary>
    private List<Fact> ReadWhileCompiling(FactStream stream, Action<Fact>? onFact)
    {
        var list = new List<Fact>();
        var ahead = new CompileAhead(_entries, ScanPlan, CodeRules.Select(c => c.Fact));
        stream.Waiting = () => ahead.Update(list);
        foreach (var fact in stream)
        {
            onFact?.Invoke(fact);
            list.Add(fact);
        }

        ahead.Finish();
        return list;
    }

    /// <summary>Scans the bundle with <see cref="ScanPlan"/> and runs the rules over what it yields.</summary>
    public RuleRun Run(Bundle bundle) => Run(bundle.Scan(ScanPlan));

    /// <summary>The compiled rules of the entries, compiled on every core as a load compiles them.</summary>
    private static List<CompiledRule> CompileAll(List<RuleEntry> entries)
    {
        var pending = entries.Where(e => !e.IsCompiled).ToList();
        using var span = EngineActivities.Start(EngineActivities.Compile)?.SetTag("rules", pending.Count);
        Parallel.ForEach(pending, e => _ = e.Compiled);
        return entries.Select(e => e.Compiled).ToList();
    }

    /// <summary>Why a rule did or did not hold on these facts: the first required condition that
    /// found no fact, and what the conditions before it matched.</summary>
    /// <exception cref="KeyNotFoundException">No rule with that id loaded without errors.</exception>
    public RuleProbe Why(string ruleId, IReadOnlyList<Fact> facts)
    {
        var target = _compiled.Value.FirstOrDefault(c => c.Cause.Name == ruleId)
            ?? throw new KeyNotFoundException($"No rule '{ruleId}' is loaded. Known ids: {string.Join(", ", _entries.Select(e => e.Id).Take(20))}");
        return _prober.Value.Why(target, facts);
    }

    /// <summary>Rules that did not fire but would have with one more required condition.</summary>
    public IReadOnlyList<NearMiss> NearMisses(IReadOnlyList<Fact> facts, IReadOnlySet<string> fired) =>
        RunWithNearMisses(facts).NearMisses.Where(n => !fired.Contains(n.Rule.Id)).ToList();

    /// <summary>A run whose session stops at <paramref name="fireLimit"/> firings (for tests of the limit).</summary>
    internal RuleRun Run(IEnumerable<Fact> facts, int fireLimit) => new RuleRunner(_factory.Value, _compiled.Value, _derivers) { FireLimit = fireLimit }.Run(facts);

    internal IReadOnlyList<CompiledRule> Compiled => _compiled.Value;

    /// <summary>The rules without errors, compiled or not.</summary>
    internal IReadOnlyList<RuleEntry> Entries => _entries;

    /// <summary>How many rules are compiled so far (a diagnosis compiles only those its bundle can bring into the report).</summary>
    internal int CompiledCount => _entries.Count(e => e.IsCompiled);

    /// <summary>The nearest folder at or above <paramref name="path"/> that holds knowledge/, or null.</summary>
    public static string? FindRoot(string path)
    {
        var directory = new DirectoryInfo(Path.GetFullPath(Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path)) ?? "."));
        for (var at = directory; at is not null; at = at.Parent)
        {
            if (Directory.Exists(Path.Combine(at.FullName, "knowledge")))
            {
                return at.FullName;
            }
        }

        return null;
    }
}
