namespace KnowledgeEngine.Rete;

/// <summary>A named fact slot of a rule: conditions and actions refer to matched facts by this name.</summary>
public sealed record Declaration(string Name, Type Type)
{
    public override string ToString() => $"{Name}:{Type.Name}";
}
