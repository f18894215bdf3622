using System.Text;

namespace KnowledgeEngine.Facts;

/// <summary>
/// Finds literals one of which every match of a regex contains, so the regex can ride on the literal
/// prefilter instead of running on every record. Walks the pattern's syntax: a run of plain characters
/// is a literal; an alternation gives the union of its branches' literals (<c>megaraid_sas|mpt3sas</c>);
/// a group is looked into, and small alternations combine with the text around them
/// (<c>Entering (?:MASTER|BACKUP)</c> gives two literals); a case-insensitive part gives its case
/// variants. Conservative: anything it does not understand breaks a run, and a pattern it cannot
/// analyse gives no literal (every record is then tried, never a record missed).
/// </summary>
internal static class RegexLiterals
{
    /// <summary>The prefilter's window is 4 characters and its stride shrinks with the shortest literal:
    /// a literal of 3 is the shortest worth filtering on.</summary>
    public const int MinimumLength = 3;

    /// <summary>Bounds the cross product of alternations and the case variants (a literal set is one
    /// entry per string in the prefilter; hundreds would cost more than they save).</summary>
    private const int MaxAlternatives = 32;

    private const int MaxFoldedLetters = 5;

    /// <summary>Literals one of which every match contains; empty when none is known. Taken from the pattern
    /// as matched, its address captures also taking masks (see <see cref="MaskedValues"/>).</summary>
    public static IReadOnlyList<string> From(string pattern) => Known.GetOrAdd(pattern, Extract).AnyOf;

    /// <summary>Literals each of which every match contains, besides one of <see cref="From"/>'s (case-sensitive ones of
    /// at least <see cref="MinimumLength"/> characters, from the pattern's other required pieces). A record without one
    /// of them cannot match, so the regex need not run: <c>\s[0-9a-f]{12,16}\s+\S+\s+https://\S+:2380</c> is
    /// prefiltered on "https://", which every line of a Cloudpods host log that names a URL holds, and ":2380" rules
    /// them out.</summary>
    public static IReadOnlyList<string> AlsoRequired(string pattern) => Known.GetOrAdd(pattern, Extract).AllOf;

    /// <summary>Every pattern's literals once per process: loading asks for a regex's literals in validation,
    /// compilation, the scan plan and lint, and a trace of kb diagnose had 5.6 % of its samples in extraction.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Extracted> Known = new(StringComparer.Ordinal);

    /// <summary>Records a pattern's literals found before (read from a rule snapshot, which this code wrote), so they
    /// are not extracted again.</summary>
    internal static void Prime(string pattern, IReadOnlyList<string> anyOf, IReadOnlyList<string> allOf) =>
        Known.TryAdd(pattern, new Extracted(anyOf, allOf));

    private sealed record Extracted(IReadOnlyList<string> AnyOf, IReadOnlyList<string> AllOf)
    {
        public static readonly Extracted None = new([], []);
    }

    private static Extracted Extract(string pattern)
    {
        pattern = MaskedValues.Widen(pattern);
        try
        {
            var parser = new Parser(pattern);
            var info = parser.Alternation(ignoreCase: false);
            if (parser.AtEnd && info.Required is { } required && Expand(required) is { } literals)
            {
                return new Extracted(literals, Besides(literals, info.Conjuncts));
            }
        }
        catch (Exception e) when (e is GiveUp or IndexOutOfRangeException or ArgumentOutOfRangeException or FormatException or OverflowException)
        {
            // Not understood (a conditional, free spacing, a construct this walker does not know).
        }
        return Extracted.None;
    }

    /// <summary>The single case-sensitive literals among the conjuncts that the prefilter's own literal does not already
    /// hold.</summary>
    private static List<string> Besides(List<string> anyOf, IReadOnlyList<IReadOnlyList<Lit>> conjuncts) =>
        conjuncts.Where(c => c is [{ Fold: false } lit] && lit.Text.Length >= MinimumLength)
            .Select(c => c[0].Text)
            .Where(text => !(anyOf is [var only] && only.Contains(text, StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>The literals as searched: case-insensitive ones as all their case variants, each cut to
    /// its part with the fewest letters when the variants would be too many.</summary>
    private static List<string>? Expand(IReadOnlyList<Lit> set)
    {
        var result = new List<string>();
        foreach (var lit in set)
        {
            if (!lit.Fold)
            {
                result.Add(lit.Text);
                continue;
            }
            var part = FewestLetters(lit.Text);
            if (part is null)
            {
                return null;
            }

            var variants = new List<string> { "" };
            foreach (var c in part)
            {
                variants = variants.SelectMany(v => Cases(c).Select(x => v + x)).ToList();
            }

            result.AddRange(variants);
        }
        // Counted once distinct: literals cut to the same part (" mount " of "check nfs mount " and "check gpfs mount ") are
        // one set of variants.
        var distinct = result.Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count is > 0 and <= MaxAlternatives * 4 ? distinct : null;
    }

    /// <summary>The characters a case-insensitive match of <paramref name="c"/> accepts: both cases, and for
    /// k and s the Kelvin sign and the long s, which .NET's case equivalence tables also accept.</summary>
    private static IEnumerable<char> Cases(char c)
    {
        var lower = char.ToLowerInvariant(c);
        IEnumerable<char> cases = [lower, char.ToUpperInvariant(c)];
        return (lower switch { 'k' => cases.Append('\u212A'), 's' => cases.Append('\u017F'), _ => cases }).Distinct();
    }

    /// <summary>The longest substring (of at least <see cref="MinimumLength"/>) with at most <see cref="MaxFoldedLetters"/> letters;
    /// of those as long, the one with the fewest case variants (k and s have three), so that "check nfs mount " is searched
    /// as the 32 variants of " mount ", not the 72 of "k nfs m".</summary>
    private static string? FewestLetters(string text)
    {
        string? best = null;
        var bestVariants = int.MaxValue;
        for (var start = 0; start < text.Length; start++)
        {
            var letters = 0;
            var end = start;
            while (end < text.Length && letters + (char.IsLetter(text[end]) ? 1 : 0) <= MaxFoldedLetters)
            {
                letters += char.IsLetter(text[end++]) ? 1 : 0;
            }

            if (end - start < MinimumLength || (best is not null && end - start < best.Length))
            {
                continue;
            }

            var variants = 1;
            for (var i = start; i < end; i++)
            {
                variants *= char.IsLetter(text[i]) ? Cases(text[i]).Count() : 1;
            }

            if (best is null || end - start > best.Length || variants < bestVariants)
            {
                (best, bestVariants) = (text[start..end], variants);
            }
        }
        return best;
    }

    /// <summary>A literal: its text, and whether it matches case-insensitively.</summary>
    internal readonly record struct Lit(string Text, bool Fold);

    /// <summary>What a part of a pattern tells: <see cref="Exact"/>, the finite set of strings it matches
    /// (null when unknown or too many); <see cref="Required"/>, literals one of which each match contains;
    /// <see cref="Conjuncts"/>, every such set the part's required pieces give (each match holds one literal of each).</summary>
    internal sealed record Info(IReadOnlyList<Lit>? Exact, IReadOnlyList<Lit>? Required)
    {
        public IReadOnlyList<IReadOnlyList<Lit>> Conjuncts { get; init; } = [];
    }

    private sealed class GiveUp : Exception;

    private sealed class Parser(string pattern)
    {
        private int _at;

        public bool AtEnd => _at >= pattern.Length;

        public Info Alternation(bool ignoreCase)
        {
            var branches = new List<Info> { Sequence(ref ignoreCase) };
            while (!AtEnd && pattern[_at] == '|')
            {
                _at++;
                branches.Add(Sequence(ref ignoreCase));
            }
            if (branches.Count == 1)
            {
                return branches[0];
            }

            var exact = branches.All(b => b.Exact is not null) ? Cap(branches.SelectMany(b => b.Exact!)) : null;
            var required = branches.All(b => b.Required is not null) ? Cap(branches.SelectMany(b => b.Required!)) : null;
            // What one branch requires, another need not: only the union holds for every match.
            return new Info(exact, required) { Conjuncts = required is null ? [] : [required] };
        }

        private Info Sequence(ref bool ignoreCase)
        {
            var run = new RunText();
            IReadOnlyList<Lit>? best = null;
            var conjuncts = new List<IReadOnlyList<Lit>>();
            var whole = true;
            void Keep(IReadOnlyList<Lit>? set)
            {
                best = Better(best, set);
                if (set is { Count: > 0 } && Shortest(set) >= MinimumLength)
                {
                    conjuncts.Add(set);
                }
            }
            void Close()
            {
                if (!run.IsEmpty)
                {
                    Keep(run.ToLits());
                    run = new RunText();
                }
            }

            while (!AtEnd && pattern[_at] is not ('|' or ')'))
            {
                var atom = Atom(ref ignoreCase);
                if (atom is null)
                {
                    continue; // an inline option or a comment: matches nothing
                }

                var (min, max) = Quantifier();
                if (min == 0)
                {
                    Close();
                    whole = false;
                    continue;
                }
                Keep(atom.Required);
                conjuncts.AddRange(atom.Conjuncts);
                if (atom.Exact is { } exact && run.CanAppend(exact))
                {
                    run.Append(exact);
                    if (max == 1)
                    {
                        continue;
                    }
                    // Repeated: the first repetition follows the run, the last one precedes what comes next.
                    Keep(run.ToLits());
                    run = new RunText(exact);
                    whole = false;
                    continue;
                }
                Close();
                whole = false;
                if (atom.Exact is { } alone && max == 1)
                {
                    run = new RunText(alone); // too many to join with the run before: a run of its own
                }
            }
            var last = run.ToLits();
            Keep(last);
            return new Info(whole ? last : null, best) { Conjuncts = conjuncts };
        }

        /// <summary>One atom; null for a part that matches nothing (inline options, comments).</summary>
        private Info? Atom(ref bool ignoreCase)
        {
            var c = pattern[_at++];
            switch (c)
            {
                case '(':
                    return Group(ref ignoreCase);
                case '[':
                    SkipClass();
                    return Unknown;
                case '\\':
                    return Escape(ignoreCase);
                case '.' or '^' or '$':
                    return Unknown;
                case '*' or '+' or '?' or '{' when c != '{' || IsQuantifier(_at - 1):
                    throw new GiveUp(); // a quantifier with nothing before it
                default:
                    return Char(c, ignoreCase);
            }
        }

        private Info? Group(ref bool ignoreCase)
        {
            var inner = ignoreCase;
            if (Next('?'))
            {
                if (Next(':') || Next('>'))
                {
                }
                else if (Next('#'))
                {
                    while (!AtEnd && pattern[_at++] != ')')
                    {
                    }
                    return null;
                }
                else if (At("=") || At("!") || At("<=") || At("<!"))
                {
                    _at += pattern[_at] == '<' ? 2 : 1;
                    Alternation(inner);
                    Expect(')');
                    return Unknown; // a lookaround: zero-width, it tells nothing about the text matched
                }
                else if (Next('<') || Next('\'') || (Next('P') && Next('<')))
                {
                    while (!AtEnd && pattern[_at] is not ('>' or '\''))
                    {
                        _at++;
                    }

                    Expect(pattern[_at] is var close and ('>' or '\'') ? close : '>');
                }
                else if (Options(ref inner) is var scoped && Next(')'))
                {
                    ignoreCase = inner; // (?i): applies to the rest of the enclosing group
                    return null;
                }
                else if (!scoped || !Next(':'))
                {
                    throw new GiveUp(); // conditionals and other constructs
                }
            }
            var info = Alternation(inner);
            Expect(')');
            return info;
        }

        /// <summary>Reads option letters (<c>i</c>, <c>-i</c>, <c>m</c>, <c>s</c>, <c>n</c>); false when none.
        /// <c>x</c> (free spacing) makes whitespace meaningless: not analysed.</summary>
        private bool Options(ref bool ignoreCase)
        {
            var on = true;
            var any = false;
            while (!AtEnd && pattern[_at] is 'i' or 'm' or 's' or 'n' or 'x' or '-')
            {
                var option = pattern[_at++];
                any = true;
                if (option == '-')
                {
                    on = false;
                }
                else if (option == 'i')
                {
                    ignoreCase = on;
                }
                else if (option == 'x' && on)
                {
                    throw new GiveUp();
                }
            }
            return any;
        }

        private Info Escape(bool ignoreCase)
        {
            if (AtEnd)
            {
                throw new GiveUp();
            }

            var c = pattern[_at++];
            return c switch
            {
                'n' => Char('\n', false),
                't' => Char('\t', false),
                'r' => Char('\r', false),
                'f' => Char('\f', false),
                'e' => Char('\u001b', false),
                'a' => Char('\a', false),
                'x' when Hex(2) is { } x => Char(x, ignoreCase),
                'u' when Hex(4) is { } u => Char(u, ignoreCase),
                'p' or 'P' or 'k' => SkipBraced(),
                'c' => Skip(1),
                _ when char.IsAsciiLetterOrDigit(c) => Unknown, // classes, anchors, backreferences
                _ => Char(c, ignoreCase),
            };
        }

        private Info Skip(int count)
        {
            _at += count;
            return Unknown;
        }

        private Info SkipBraced()
        {
            if (!AtEnd && pattern[_at] is '{' or '<' or '\'')
            {
                var close = pattern[_at] switch { '{' => '}', '<' => '>', _ => '\'' };
                var end = pattern.IndexOf(close, _at);
                _at = end < 0 ? throw new GiveUp() : end + 1;
            }
            return Unknown;
        }

        private char? Hex(int digits)
        {
            if (_at + digits > pattern.Length || !int.TryParse(pattern.AsSpan(_at, digits), System.Globalization.NumberStyles.HexNumber, null, out var value))
            {
                return null;
            }

            _at += digits;
            return (char)value;
        }

        private (int Min, int Max) Quantifier()
        {
            if (AtEnd)
            {
                return (1, 1);
            }

            (int, int)? quantifier = pattern[_at] switch
            {
                '*' => (0, -1),
                '+' => (1, -1),
                '?' => (0, 1),
                _ => null,
            };
            if (quantifier is not null)
            {
                _at++;
            }
            else if (pattern[_at] == '{' && IsQuantifier(_at))
            {
                quantifier = Braces();
            }

            if (quantifier is not { } q)
            {
                return (1, 1);
            }

            if (!AtEnd && pattern[_at] is '?' or '+')
            {
                _at++; // lazy or possessive: the same strings
            }

            return q;
        }

        private (int, int) Braces()
        {
            var end = pattern.IndexOf('}', _at);
            var parts = pattern[(_at + 1)..end].Split(',');
            _at = end + 1;
            var min = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
            var max = parts.Length == 1 ? min : parts[1].Length == 0 ? -1 : int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
            return (min, max);
        }

        private bool IsQuantifier(int at)
        {
            var end = pattern.IndexOf('}', at);
            return end > at + 1 && pattern[(at + 1)..end] is var body && body.All(ch => char.IsAsciiDigit(ch) || ch == ',')
                   && char.IsAsciiDigit(body[0]) && body.Count(ch => ch == ',') <= 1;
        }

        private void SkipClass()
        {
            if (Next('^'))
            {
            }
            if (Next(']'))
            {
            }
            while (!AtEnd)
            {
                var c = pattern[_at++];
                if (c == '\\')
                {
                    _at++;
                }
                else if (c == '[' && Next(':'))
                {
                    _at = pattern.IndexOf(":]", _at, StringComparison.Ordinal) is var end and >= 0 ? end + 2 : throw new GiveUp();
                }
                else if (c == ']')
                {
                    return;
                }
            }
            throw new GiveUp();
        }

        private static Info Char(char c, bool ignoreCase)
        {
            var fold = ignoreCase && char.ToUpperInvariant(c) != char.ToLowerInvariant(c);
            return c < AsciiChars.Length / 2 ? AsciiChars[c * 2 + (fold ? 1 : 0)] : Single(c, fold);
        }

        private static Info Single(char c, bool fold) =>
            new([new Lit(fold ? char.ToLowerInvariant(c).ToString() : c.ToString(), fold)], null);

        /// <summary>Each ASCII character's part, as written and case-insensitive: made once, not once per character of
        /// every pattern (Info is immutable).</summary>
        private static readonly Info[] AsciiChars = Enumerable.Range(0, 256).Select(i => Single((char)(i / 2), i % 2 == 1)).ToArray();

        private static readonly Info Unknown = new(null, null);

        private bool Next(char c)
        {
            if (AtEnd || pattern[_at] != c)
            {
                return false;
            }

            _at++;
            return true;
        }

        private bool At(string text) => string.CompareOrdinal(pattern, _at, text, 0, text.Length) == 0;

        private void Expect(char c)
        {
            if (!Next(c))
            {
                throw new GiveUp();
            }
        }
    }

    /// <summary>The strings a sequence's run of plain atoms can be so far, grown in place. Joining each character to
    /// copies of the run made a 200-character message 20,000 characters of copies: extracting the literals of the
    /// built-in rules' 269 regexes allocated 25 MB, and took 57 ms in a warm process.</summary>
    private sealed class RunText
    {
        private readonly List<(StringBuilder Text, bool Fold)> _strings;

        /// <summary>The empty run.</summary>
        public RunText() => _strings = [(new StringBuilder(), false)];

        /// <summary>A run that starts with one of <paramref name="start"/>.</summary>
        public RunText(IReadOnlyList<Lit> start) => _strings = start.Select(l => (new StringBuilder(l.Text), l.Fold)).ToList();

        /// <summary>The run holds only the empty string: nothing to keep.</summary>
        public bool IsEmpty => _strings.Count == 1 && _strings[0].Text.Length == 0;

        /// <summary>Whether every string followed by every one of <paramref name="next"/> stays within the bound.</summary>
        public bool CanAppend(IReadOnlyList<Lit> next) => _strings.Count * next.Count <= MaxAlternatives;

        /// <summary>Every string followed by every one of <paramref name="next"/>.</summary>
        public void Append(IReadOnlyList<Lit> next)
        {
            if (next.Count == 1)
            {
                for (var i = 0; i < _strings.Count; i++)
                {
                    _strings[i] = (_strings[i].Text.Append(next[0].Text), _strings[i].Fold || next[0].Fold);
                }

                return;
            }

            var joined = _strings.SelectMany(s => next.Select(n => (new StringBuilder(s.Text.ToString()).Append(n.Text), s.Fold || n.Fold))).ToList();
            _strings.Clear();
            _strings.AddRange(joined);
        }

        public List<Lit> ToLits() => _strings.Select(s => new Lit(s.Text.ToString(), s.Fold)).ToList();
    }

    private static List<Lit>? Cap(IEnumerable<Lit> lits)
    {
        var list = lits.Distinct().ToList();
        return list.Count <= MaxAlternatives ? list : null;
    }

    /// <summary>The set whose shortest literal is longer (fewer literals on a tie); a set with a literal
    /// under <see cref="MinimumLength"/> does not count.</summary>
    private static IReadOnlyList<Lit>? Better(IReadOnlyList<Lit>? best, IReadOnlyList<Lit>? candidate)
    {
        if (candidate is null || candidate.Count == 0 || Shortest(candidate) < MinimumLength)
        {
            return best;
        }

        if (best is null)
        {
            return candidate;
        }

        var (b, c) = (LowestScore(best), LowestScore(candidate));
        if (c != b || !(HasFolded(best) || HasFolded(candidate)))
        {
            return c > b || (c == b && candidate.Count < best.Count) ? candidate : best;
        }

        // Alike so far, and one is case-insensitive: compare them as searched. `(?i)check (?:nfs|iscsi|gpfs) mount \S+ timeout`
        // was searched as the 32 variants of " timeo" (one literal beat the three "check … mount " ones), the only strings of
        // 3–6 characters but two in a Cloudpods host log's plan, and so most of a pass of its own over every file; the three
        // are searched as the 32 variants of " mount ", 7 characters, which join the longer literals' pass.
        var (searchedBest, searchedCandidate) = (Expand(best), Expand(candidate));
        if (searchedCandidate is null || searchedBest is null)
        {
            return searchedCandidate is null ? best : candidate;
        }

        var (shortestBest, shortestCandidate) = (searchedBest.Min(t => t.Length), searchedCandidate.Min(t => t.Length));
        return shortestCandidate > shortestBest || (shortestCandidate == shortestBest && searchedCandidate.Count < searchedBest.Count)
            ? candidate
            : best;
    }

    private static bool HasFolded(IReadOnlyList<Lit> set)
    {
        for (var i = 0; i < set.Count; i++)
        {
            if (set[i].Fold)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A case-insensitive literal is searched as its variants of few letters: worth less.</summary>
    private static int LowestScore(IReadOnlyList<Lit> set)
    {
        var lowest = int.MaxValue;
        for (var i = 0; i < set.Count; i++)
        {
            lowest = Math.Min(lowest, Score(set[i]));
        }

        return lowest;
    }

    /// <summary>The length of the set's shortest literal; a loop, since LINQ over the interface boxed an enumerator per
    /// call, and this runs for every part of every pattern.</summary>
    private static int Shortest(IReadOnlyList<Lit> set)
    {
        var shortest = int.MaxValue;
        for (var i = 0; i < set.Count; i++)
        {
            shortest = Math.Min(shortest, set[i].Text.Length);
        }

        return shortest;
    }

    private static int Score(Lit lit) => lit.Fold ? Math.Min(lit.Text.Length, MinimumLength + 1) : lit.Text.Length;
}
