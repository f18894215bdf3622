using KnowledgeEngine.Rules.Model;

namespace KnowledgeEngine.Rules;

/// <summary>Reads what <see cref="SnapshotWriter"/> wrote, in the same order. A damaged snapshot throws
/// <see cref="InvalidDataException"/> (or what <see cref="BinaryReader"/> throws at its end), which the caller turns
/// into reading the YAML files instead.</summary>
internal sealed class SnapshotReader
{
    private readonly BinaryReader _in;
    private readonly string[] _strings;

    public SnapshotReader(BinaryReader input)
    {
        _strings = new string[Count(input.Read7BitEncodedInt())];
        for (var i = 0; i < _strings.Length; i++)
        {
            _strings[i] = input.ReadString();
        }

        var length = Count(input.Read7BitEncodedInt());
        _in = new BinaryReader(new MemoryStream(input.ReadBytes(length), writable: false));
    }

    public int Int() => _in.Read7BitEncodedInt();

    public string String()
    {
        var at = _in.Read7BitEncodedInt();
        return (uint)at < (uint)_strings.Length ? _strings[at] : throw new InvalidDataException($"string {at} is not in the snapshot's table");
    }

    public IReadOnlyList<string> Strings() => List(String);

    public List<T> List<T>(Func<T> read)
    {
        var count = Count(Int());
        // Every item takes a byte at least: a larger count is damage, not a list to allocate.
        if (count > _in.BaseStream.Length - _in.BaseStream.Position)
        {
            throw new InvalidDataException($"a list of {count} items in the snapshot's last {_in.BaseStream.Length - _in.BaseStream.Position} bytes");
        }

        var list = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(read());
        }

        return list;
    }

    public RuleModel Rule() => new(Span())
    {
        Id = Optional(String),
        Title = Optional(String),
        Platform = Optional(String),
        Severity = Optional(() => (Severity)Int()),
        Knowledge = Optional(String),
        Tags = List(() => Located(String)),
        When = List(Condition),
        Evidence = List(Condition),
        Against = List(Condition),
        Cause = Present(() => new CauseModel(Span(), Optional(String), Optional(String), Optional(_in.ReadDouble))
        {
            SummaryTemplate = Optional(Template),
            DetailTemplate = Optional(Template),
        }),
        Fix = List(() => Located(Template)),
        Verify = List(() => Located(Template)),
        Derive = Present(() => new DeriveModel(Span(), Optional(String), List(() => new DeriveField(Located(String), Located(Template))))),
    };

    private ConditionModel Condition() => new(Span(), Located(() => (FactKind)Int()))
    {
        Name = Optional(String),
        Properties = List(() => (Key: String(), Value: Located(String))).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
        Where = Optional(String),
        Absent = Optional(_in.ReadBoolean),
        Signature = Optional(_in.ReadBoolean),
        Count = Present(() => new CountModel(Span(), Optional(Int), Optional(() => TimeSpan.FromTicks(_in.ReadInt64())))),
        Weight = Optional(_in.ReadDouble),
        Collect = Optional(String),
    };

    private Template Template() => new(String(), List(() => new Placeholder(String(), Int(), Int(), Span())));

    private SourceSpan Span() => new(String(), Int(), Int(), Int(), Int());

    private Located<T> Located<T>(Func<T> read)
    {
        var value = read();
        return new Located<T>(value, Span());
    }

    private Located<T>? Optional<T>(Func<T> read) => Present(() => Located(read));

    private T? Present<T>(Func<T> read) where T : class => _in.ReadBoolean() ? read() : null;

    private static int Count(int count) => count >= 0 ? count : throw new InvalidDataException($"a count of {count} in the snapshot");
}
