namespace KnowledgeEngine.Rete.Runtime;

/// <summary>The items filed under one join key. Most keys hold one item, kept inline with no
/// further allocation; a few items use a list; a key shared by many switches to a set so that
/// removal stays O(1).</summary>
internal sealed class Bucket<T> where T : class
{
    private const int SetThreshold = 16;
    private T? _single;
    private List<T>? _list;
    private HashSet<T>? _set;

    public int Count => _set?.Count ?? _list?.Count ?? (_single is null ? 0 : 1);

    public void Add(T item)
    {
        if (_set is not null)
        {
            _set.Add(item);
        }
        else if (_list is not null)
        {
            if (_list.Count < SetThreshold)
            {
                _list.Add(item);
                return;
            }

            _set = new HashSet<T>(_list) { item };
            _list = null;
        }
        else if (_single is null)
        {
            _single = item;
        }
        else
        {
            _list = [_single, item];
            _single = null;
        }
    }

    public bool Remove(T item)
    {
        if (_set is not null)
        {
            return _set.Remove(item);
        }

        if (_list is not null)
        {
            return _list.Remove(item);
        }

        if (ReferenceEquals(_single, item))
        {
            _single = null;
            return true;
        }

        return false;
    }

    /// <summary>Walks the bucket without allocating. Safe because propagation only writes to the
    /// memories of nodes below the one walking (alpha memories notify deeper joins first).</summary>
    public Enumerator GetEnumerator() => new(this);

    public struct Enumerator(Bucket<T> bucket)
    {
        private readonly byte _mode = bucket._set is not null ? (byte)2 : bucket._list is not null ? (byte)1 : (byte)0;
        private List<T>.Enumerator _listEnumerator = bucket._list?.GetEnumerator() ?? default;
        private HashSet<T>.Enumerator _setEnumerator = bucket._set?.GetEnumerator() ?? default;
        private T? _single = bucket._single;
        private T? _current;

        public readonly T Current => _current!;

        public bool MoveNext()
        {
            switch (_mode)
            {
                case 2:
                    var more = _setEnumerator.MoveNext();
                    _current = more ? _setEnumerator.Current : null;
                    return more;
                case 1:
                    more = _listEnumerator.MoveNext();
                    _current = more ? _listEnumerator.Current : null;
                    return more;
                default:
                    _current = _single;
                    _single = null;
                    return _current is not null;
            }
        }
    }
}
