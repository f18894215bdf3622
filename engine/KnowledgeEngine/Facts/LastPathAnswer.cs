namespace KnowledgeEngine.Facts;

/// <summary>
/// A function of a bundle path that keeps its last answer. The facts of one file come in a row and
/// carry one path, so a question asked of every fact's path (does it match this glob? which pod wrote
/// it?) is worked out once per file. The path and answer are swapped as one object, so threads reading
/// different files never see half of another's answer.
/// </summary>
internal sealed class LastPathAnswer<T>(Func<string, T> compute)
{
    private Answer? _last;

    public T Of(string path)
    {
        var last = _last;
        if (last is not null && string.Equals(last.Path, path, StringComparison.Ordinal))
        {
            return last.Value;
        }

        var value = compute(path);
        _last = new Answer(path, value);
        return value;
    }

    private sealed record Answer(string Path, T Value);
}
