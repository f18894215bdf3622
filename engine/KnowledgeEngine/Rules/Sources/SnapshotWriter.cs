using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Rules;

/// <summary>Writes rule models in the snapshot's binary form: every string once, in a table, and the models as numbers
/// into it. <see cref="SnapshotReader"/> reads them back in the same order; RuleSnapshotTests checks that every rule
/// comes back equal, so a field added to the model and not here fails a test.</summary>
internal sealed class SnapshotWriter
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _strings = [];
    private readonly MemoryStream _body = new();
    private readonly BinaryWriter _out;

    public SnapshotWriter() => _out = new BinaryWriter(_body);

    /// <summary>The string table, then the body written so far.</summary>
    public void CopyTo(BinaryWriter output)
    {
        _out.Flush();
        output.Write7BitEncodedInt(_strings.Count);
        foreach (var text in _strings)
        {
            output.Write(text);
        }

        output.Write7BitEncodedInt((int)_body.Length);
        output.Write(_body.GetBuffer(), 0, (int)_body.Length);
    }

    public void Int(int value) => _out.Write7BitEncodedInt(value);

    public void String(string value)
    {
        if (!_index.TryGetValue(value, out var at))
        {
            _index[value] = at = _strings.Count;
            _strings.Add(value);
        }

        _out.Write7BitEncodedInt(at);
    }

    public void Strings(IReadOnlyList<string> values) => List(values, String);

    public void List<T>(IReadOnlyList<T> items, Action<T> write)
    {
        Int(items.Count);
        foreach (var item in items)
        {
            write(item);
        }
    }

    public void Rule(RuleModel rule)
    {
        if (rule.Examples.Count > 0)
        {
            throw new InvalidOperationException($"{rule.Name}: a snapshot holds rules read without their examples");
        }

        Span(rule.Span);
        Optional(rule.Id, String);
        Optional(rule.Title, String);
        Optional(rule.Platform, String);
        Optional(rule.Severity, s => Int((int)s));
        Optional(rule.Knowledge, String);
        List(rule.Tags, t => Located(t, String));
        List(rule.When, Condition);
        List(rule.Evidence, Condition);
        List(rule.Against, Condition);
        Present(rule.Cause, c =>
        {
            Span(c.Span);
            Optional(c.Summary, String);
            Optional(c.Detail, String);
            Optional(c.Confidence, _out.Write);
            Optional(c.SummaryTemplate, Template);
            Optional(c.DetailTemplate, Template);
        });
        List(rule.Fix, t => Located(t, Template));
        List(rule.Verify, t => Located(t, Template));
        Present(rule.Derive, d =>
        {
            Span(d.Span);
            Optional(d.Fact, String);
            List(d.Fields, f =>
            {
                Located(f.Name, String);
                Located(f.Value, Template);
            });
        });
    }

    private void Condition(ConditionModel condition)
    {
        Span(condition.Span);
        Located(condition.Kind, k => Int((int)k));
        Optional(condition.Name, String);
        List(condition.Properties.ToList(), p =>
        {
            String(p.Key);
            Located(p.Value, String);
        });
        Optional(condition.Where, String);
        Optional(condition.Absent, _out.Write);
        Optional(condition.Signature, _out.Write);
        Present(condition.Count, c =>
        {
            Span(c.Span);
            Optional(c.AtLeast, Int);
            Optional(c.Within, w => _out.Write(w.Ticks));
        });
        Optional(condition.Weight, _out.Write);
        Optional(condition.Collect, String);
    }

    private void Template(Template template)
    {
        String(template.Text);
        List(template.Placeholders, p =>
        {
            String(p.Path);
            Int(p.Start);
            Int(p.Length);
            Span(p.Span);
        });
    }

    private void Span(SourceSpan span)
    {
        String(span.File);
        Int(span.Line);
        Int(span.Column);
        Int(span.EndLine);
        Int(span.EndColumn);
    }

    private void Located<T>(Located<T> located, Action<T> write)
    {
        write(located.Value);
        Span(located.Span);
    }

    private void Optional<T>(Located<T>? located, Action<T> write) => Present(located, l => Located(l, write));

    private void Present<T>(T? value, Action<T> write) where T : class
    {
        _out.Write(value is not null);
        if (value is not null)
        {
            write(value);
        }
    }
}
