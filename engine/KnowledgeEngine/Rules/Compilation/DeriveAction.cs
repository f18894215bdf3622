using KnowledgeEngine.Rete;
using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Rules.Compilation;

/// <summary>The action of a rule with <c>derive:</c>: inserts the derived fact logically, so it
/// goes away when the rule stops holding.</summary>
internal sealed class DeriveAction(string fact, IReadOnlyList<DeriveField> fields, IReadOnlyDictionary<string, ValueReader> values)
{
    public void Run(IActionContext context)
    {
        var rendered = fields.ToDictionary(f => f.Name.Value, f => Templates.Render(f.Value.Value, path => values[path].Read(context.Match)));
        context.InsertLogical(new DerivedFact(fact, rendered));
    }

    /// <summary>The fact a suspected match would derive, from the values read for it. A field
    /// whose template reads a condition that did not hold is left out rather than filled with a
    /// placeholder, so no rule joins on text that was never in the bundle.</summary>
    public DerivedFact Suspected(IReadOnlyDictionary<string, string> matchValues, IReadOnlyList<UnmetCondition> unmet)
    {
        var rendered = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var template = field.Value.Value;
            if (template.Placeholders.All(p => matchValues.ContainsKey(p.Path)))
            {
                rendered[field.Name.Value] = Templates.Render(template, path => matchValues[path]);
            }
        }

        return new DerivedFact(fact, rendered) { Unmet = unmet };
    }
}

/// <summary>Fills templates; a value that is not there stays visible as &lt;name.field&gt;.</summary>
internal static class Templates
{
    public static string Render(Template template, Func<string, string?> value)
    {
        if (template.Placeholders.Count == 0)
        {
            return template.Text;
        }

        var text = new System.Text.StringBuilder();
        var at = 0;
        foreach (var placeholder in template.Placeholders)
        {
            text.Append(template.Text, at, placeholder.Start - at);
            text.Append(value(placeholder.Path) ?? $"<{placeholder.Path}>");
            at = placeholder.Start + placeholder.Length;
        }

        return text.Append(template.Text, at, template.Text.Length - at).ToString();
    }
}
