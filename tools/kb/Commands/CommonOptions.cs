using System.CommandLine;

namespace KnowledgeEngine.Cli.Commands;

/// <summary>Options several commands share, defined once so their names and help agree.</summary>
internal static class CommonOptions
{
    /// <summary>The user's rule folder laid over the built-in knowledge base.</summary>
    public static Option<string?> Rules() =>
        new("--rules") { Description = "A folder of extra rule files; a file with the same relative path as a built-in one replaces it" };

    /// <summary>Assemblies of rules written in C# (NRules' fluent DSL) that run beside the YAML rules.</summary>
    public static Option<string[]> CodeRules() =>
        new("--code-rules") { Description = "A .dll of rules written in C# with NRules' fluent DSL, run beside the YAML rules (repeatable; docs/engines.md)" };

    /// <summary>Which engine runs the rules: ours (the default, faster) or the NRules back end, which
    /// gives the same results and serves to check ours.</summary>
    public static Option<string> Engine()
    {
        var option = new Option<string>("--engine") { Description = "The rule engine: ours (default) or nrules (the NRules back end, same results, slower)", DefaultValueFactory = _ => "ours" };
        option.AcceptOnlyFromAmong("ours", "nrules");
        return option;
    }

    /// <summary>The rules run by the engine --engine names.</summary>
    public static Rules.RuleSet WithEngine(Rules.RuleSet rules, string engine) => engine == "nrules" ? OnNRules(rules) : rules;

    /// <summary>Apart, so that a run on our engine never loads the NRules back end's assemblies.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static Rules.RuleSet OnNRules(Rules.RuleSet rules) => rules.WithEngine(NRules.NRulesCompiler.Compile);

    /// <summary>One or more inputs read as one bundle (docs/facts.md, "Loose inputs").</summary>
    public static Argument<string[]> Inputs() =>
        new("bundle")
        {
            Description = "What was collected: folders, archives (.zip, .tar, .tar.gz, .tar.xz) and files, read together as one bundle; - reads standard input",
            Arity = ArgumentArity.OneOrMore,
        };

    /// <summary>The path standard input stands for, so rules reading "**/host*.log" and the platform guess see it as that file.</summary>
    public static Option<string?> StdinAs() =>
        new("--stdin-as") { Description = "Name standard input (-) as if collected at this path, e.g. logs/host.log (default: stdin.log, .yaml or .json by its content)" };

    /// <summary>The inputs as Bundle.Open takes them: "-" named by --stdin-as becomes "-:path".</summary>
    public static string[] Paths(string[] inputs, string? stdinAs) =>
        inputs.Select(p => p == "-" && !string.IsNullOrEmpty(stdinAs) ? "-:" + stdinAs : p).ToArray();

    /// <summary>Standard input for '-', refused when it is a terminal: kb would wait for typing nobody means to do.</summary>
    public static Stream StandardInput() =>
        Console.IsInputRedirected
            ? Console.OpenStandardInput()
            : throw new Facts.BundleException("'-' reads standard input, but nothing is piped into kb. Pipe the input in, " +
                                              "e.g. 'kubectl logs ds/default-host -c host | kb diagnose -', or give a path.");
}
