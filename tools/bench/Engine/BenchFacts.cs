namespace KnowledgeEngine.Bench.Engine;

public sealed class FactA(int group, int key)
{
    public int Group { get; } = group;
    public int Key { get; } = key;
}

public sealed class FactB(int group, int key)
{
    public int Group { get; } = group;
    public int Key { get; } = key;
}

public sealed class FactC(int group, int key)
{
    public int Group { get; } = group;
    public int Key { get; } = key;
}

/// <summary>A fact derived at chain level <see cref="Level"/>.</summary>
public sealed record Level(int Depth, int Group, int Key);
