namespace KnowledgeEngine.Retrieval;

/// <summary>A document the index ranks: an id (an article's path), its title, its text and the platform it is about (null: any).</summary>
public sealed record RetrievalDocument(string Id, string Title, string Text, string? Platform = null);

/// <summary>A document's BM25 score for one query.</summary>
public sealed record RetrievalHit(RetrievalDocument Document, double Score);

/// <summary>
/// Okapi BM25 over a handful of documents: plain full-text retrieval, no rules. Each distinct query term
/// counts once (a log that repeats a word a thousand times asks for it once), weighted by its inverse
/// document frequency and saturated by the document's term frequency against its length.
/// </summary>
public sealed class Bm25Index
{
    /// <summary>Term-frequency saturation and length normalisation, the usual defaults.</summary>
    public const double K1 = 1.2;

    public const double B = 0.75;

    private readonly List<(RetrievalDocument Document, Dictionary<string, int> Counts, int Length)> _documents;
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly double _averageLength;

    public Bm25Index(IEnumerable<RetrievalDocument> documents)
    {
        _documents = documents.Select(d =>
        {
            var terms = Tokenizer.Terms(d.Title + "\n" + d.Text).ToList();
            return (d, terms.GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal), terms.Count);
        }).ToList();
        foreach (var term in _documents.SelectMany(d => d.Counts.Keys))
        {
            _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
        }

        _averageLength = _documents.Count == 0 ? 0 : _documents.Average(d => (double)d.Length);
    }

    public int Count => _documents.Count;

    /// <summary>The documents sharing at least one term with the query, best first (ties by id); with a
    /// platform some document is about, only those about it or about no platform in particular.</summary>
    public IReadOnlyList<RetrievalHit> Search(string query, int top, string? platform = null)
    {
        var terms = Tokenizer.Terms(query).Where(_documentFrequency.ContainsKey).ToHashSet(StringComparer.Ordinal);
        var scoped = platform is not null && _documents.Any(d => d.Document.Platform == platform);
        return _documents.Where(d => !scoped || d.Document.Platform is null || d.Document.Platform == platform).Select(d => new RetrievalHit(d.Document, terms.Sum(t => Score(t, d.Counts, d.Length))))
            .Where(h => h.Score > 0)
            .OrderByDescending(h => h.Score).ThenBy(h => h.Document.Id, StringComparer.Ordinal)
            .Take(top).ToList();
    }

    private double Score(string term, Dictionary<string, int> counts, int length)
    {
        if (!counts.TryGetValue(term, out var tf))
        {
            return 0;
        }

        // The "plus one" form of the idf stays positive for a term most documents hold.
        var n = _documentFrequency[term];
        var idf = Math.Log(1 + (_documents.Count - n + 0.5) / (n + 0.5));
        return idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / _averageLength));
    }
}
