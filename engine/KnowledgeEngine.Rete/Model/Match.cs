namespace KnowledgeEngine.Rete;

/// <summary>The facts of one rule match, in declaration order. Not and exists elements bind no fact.</summary>
public sealed class Match
{
    private readonly IReadOnlyList<Declaration> _declarations;
    private readonly object?[] _facts;

    internal Match(IReadOnlyList<Declaration> declarations, object?[] facts)
    {
        _declarations = declarations;
        _facts = facts;
    }

    public IReadOnlyList<Declaration> Declarations => _declarations;

    /// <summary>The fact bound to each declaration, by position; null for not/exists elements.</summary>
    public IReadOnlyList<object?> Facts => _facts;

    public object? this[string declaration] => _facts[IndexOf(declaration)];

    public T Get<T>(string declaration) => (T)(_facts[IndexOf(declaration)]
        ?? throw new InvalidOperationException($"Declaration '{declaration}' binds no fact (it is a not/exists element)."));

    private int IndexOf(string name)
    {
        for (var i = 0; i < _declarations.Count; i++)
        {
            if (_declarations[i].Name == name)
            {
                return i;
            }
        }

        throw new KeyNotFoundException(
            $"The rule has no declaration '{name}'. Declarations={string.Join(",", _declarations.Select(d => d.Name))}");
    }
}
