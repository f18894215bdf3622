namespace KnowledgeEngine.Rete.Tests;

public sealed class A(int group, int key, int value = 0)
{
    public int Group { get; set; } = group;
    public int Key { get; set; } = key;
    public int Value { get; set; } = value;
    public DateTimeOffset? Time { get; set; }
    public override string ToString() => $"A(g{Group},k{Key},v{Value})";
}

public sealed class B(int group, int key, int value = 0)
{
    public int Group { get; set; } = group;
    public int Key { get; set; } = key;
    public int Value { get; set; } = value;
    public DateTimeOffset? Time { get; set; }
    public override string ToString() => $"B(g{Group},k{Key},v{Value})";
}

public sealed class C(int group, int key, int value = 0)
{
    public int Group { get; set; } = group;
    public int Key { get; set; } = key;
    public int Value { get; set; } = value;
    public override string ToString() => $"C(g{Group},k{Key},v{Value})";
}

/// <summary>A derived fact for chaining tests; value equality so logical inserts coincide.</summary>
public sealed record Derived(string Name, int Key);

/// <summary>Records what fired, in order.</summary>
public sealed class FiringLog
{
    public List<string> Entries { get; } = [];

    public Action<IActionContext> Record(string label) => ctx => Entries.Add(label + ":" + string.Join(",", ctx.Match.Facts));
}
