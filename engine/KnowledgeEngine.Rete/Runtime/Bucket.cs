namespace KnowledgeEngine.Rete.Runtime;

/// <summary>The items filed under one join key. Most keys hold one or two items, so a small list
/// serves; a key shared by many items switches to a set so removal stays O(1).</summary>
internal sealed class Bucket<T> where T : class
{
    private const int SetThreshold = 16;
    private List<T>? _list = [];
    private HashSet<T>? _set;

    public int Count => _list?.Count ?? _set!.Count;

    public void Add(T item)
    {
        if (_list is not null)
        {
            if (_list.Count < SetThreshold)
            {
                _list.Add(item);
                return;
            }

            _set = new HashSet<T>(_list);
            _list = null;
        }

        _set!.Add(item);
    }

    public bool Remove(T item)
    {
        if (_list is null)
        {
            return _set!.Remove(item);
        }

        var i = _list.IndexOf(item);
        if (i < 0)
        {
            return false;
        }

        _list.RemoveAt(i);
        return true;
    }

    /// <summary>Walks the bucket without allocating. Safe because propagation only writes to the
    /// memories of nodes below the one walking (alpha memories notify deeper joins first).</summary>
    public Enumerator GetEnumerator() => new(_list, _set);

    public struct Enumerator(List<T>? list, HashSet<T>? set)
    {
        private List<T>.Enumerator _listEnumerator = list?.GetEnumerator() ?? default;
        private HashSet<T>.Enumerator _setEnumerator = set?.GetEnumerator() ?? default;
        private readonly bool _isList = list is not null;

        public readonly T Current => _isList ? _listEnumerator.Current : _setEnumerator.Current;

        public bool MoveNext() => _isList ? _listEnumerator.MoveNext() : _setEnumerator.MoveNext();
    }
}
