using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace KnowledgeEngine.Runbooks;

/// <summary>
/// A parsed Scriban template: one of the shipped ones (Runbooks/Templates/*.sbn, embedded) or a
/// user's file. Rendering is strict — an unknown variable or member is an error, not an empty
/// string — and every error names file:line:col, so a broken template is fixed in one look.
/// </summary>
public sealed class RunbookTemplate
{
    private const string ResourcePrefix = "runbooks/";

    /// <summary>Rounds any one loop may run: far above what a runbook lists, and an endless loop in a
    /// user's template stops with file:line:col instead of hanging kb.</summary>
    internal const int LoopLimit = 100_000;
    private readonly Template _template;

    private RunbookTemplate(Template template, string name)
    {
        _template = template;
        Name = name;
    }

    /// <summary>The file (or built-in name) errors are reported against.</summary>
    public string Name { get; }

    public static RunbookTemplate Rule { get; } = BuiltIn("rule.md.sbn");

    public static RunbookTemplate Diagnosis { get; } = BuiltIn("diagnosis.md.sbn");

    internal static RunbookTemplate Index { get; } = BuiltIn("index.md.sbn");

    /// <summary>The names of the shipped templates, for tests and documentation.</summary>
    internal static IReadOnlyList<string> BuiltInNames { get; } = typeof(RunbookTemplate).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Select(n => n[ResourcePrefix.Length..]).Order(StringComparer.Ordinal).ToArray();

    /// <exception cref="RunbookTemplateException">The file cannot be read or does not parse.</exception>
    public static RunbookTemplate FromFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RunbookTemplateException($"{path}: cannot read the template ({e.Message}) — check the --template path.");
        }

        return Parse(text, path);
    }

    internal static RunbookTemplate BuiltIn(string name)
    {
        using var stream = typeof(RunbookTemplate).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"the built-in template {name} is not embedded in the engine assembly");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), name);
    }

    internal static RunbookTemplate Parse(string text, string name)
    {
        var template = Template.Parse(text.ReplaceLineEndings("\n"), name);
        if (template.HasErrors)
        {
            var messages = template.Messages.Select(m => $"{Where(name, m.Span)}: {m.Message}");
            throw new RunbookTemplateException(string.Join("\n", messages));
        }

        return new RunbookTemplate(template, name);
    }

    /// <summary>The parsed template, for tests that inspect which names it reads.</summary>
    internal ScriptPage Page => _template.Page!; // set whenever parsing succeeded

    /// <exception cref="RunbookTemplateException">The template reads something the model lacks.</exception>
    internal string Render(object model)
    {
        var globals = new ScriptObject();
        globals.Import(model);
        var md = new ScriptObject();
        md.Import(typeof(MarkdownFunctions));
        globals["md"] = md;
        var context = new TemplateContext
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            LoopLimit = LoopLimit,
            NewLine = "\n",
        };
        context.PushGlobal(globals);
        try
        {
            // The templates' whitespace control eats the last newline; a text file ends with one.
            return _template.Render(context).TrimEnd('\n') + "\n";
        }
        catch (ScriptRuntimeException e)
        {
            var hint = e.OriginalMessage.Contains("limit", StringComparison.OrdinalIgnoreCase)
                ? $" — kb stops a template loop after {LoopLimit.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} rounds; check the loop's end condition"
                : "";
            throw new RunbookTemplateException($"{Where(Name, e.Span)}: {e.OriginalMessage}{hint}");
        }
    }

    private static string Where(string name, Scriban.Parsing.SourceSpan span) =>
        $"{name}:{span.Start.Line + 1}:{span.Start.Column + 1}";
}

/// <summary>A template that does not parse or does not fit the model; the message holds one
/// file:line:col line per error.</summary>
public sealed class RunbookTemplateException(string message) : Exception(message);
