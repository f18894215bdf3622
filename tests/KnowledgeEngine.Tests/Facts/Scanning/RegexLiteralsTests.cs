using KnowledgeEngine.Facts;

namespace KnowledgeEngine.Tests.Facts.Scanning;

/// <summary>Which literals the scanner's prefilter takes from a regex: one of them must occur in every
/// match, and the longer they are, the fewer records the regex runs on.</summary>
public class RegexLiteralsTests
{
    public static TheoryData<string, string[]> Cases => new()
    {
        // A top-level run of plain characters; the longest run wins.
        { @"timeout after \d+s?", ["timeout after "] },
        { @"x509: certificate has expired", ["x509: certificate has expired"] },
        { @"IP (?<ip>\d+\.\d+\.\d+\.\d+)/(?<bridge>[^/\s]+)/(?<nic>\S+)", ["IP "] },
        // The atom before an optional quantifier may be absent.
        { @"not yet valid?", ["not yet vali"] },
        // Alternations: any branch may be the one that matched.
        { @"megaraid_sas|mpt3sas|mpi3mr", ["megaraid_sas", "mpt3sas", "mpi3mr"] },
        { @"(?<raid_driver>megaraid_sas|mpt3sas|smartpqi|hpsa) [0-9a-f]{4}:", ["megaraid_sas ", "mpt3sas ", "smartpqi ", "hpsa "] },
        // A small alternation joins the text around it.
        { @"Entering (MASTER|BACKUP) STATE", ["Entering MASTER STATE", "Entering BACKUP STATE"] },
        { @"\(\w+\) Entering (?:MASTER|PRIMARY|BACKUP) STATE", [") Entering MASTER STATE", ") Entering PRIMARY STATE", ") Entering BACKUP STATE"] },
        // A required factor inside a group.
        { @"register failed: [^\n]*(?<error>Fail to get network info: no networks|find_matched == false)", ["Fail to get network info: no networks", "find_matched == false"] },
        { @"(?:Buffer I/O error on dev|I/O error, dev|critical medium error, dev) (?<dev>\w+)", ["Buffer I/O error on dev ", "I/O error, dev ", "critical medium error, dev "] },
        // A group repeated at least once holds its literal; an optional one does not.
        { @"(?:ab|cd)(?:failed to mount)+", ["abfailed to mount", "cdfailed to mount"] },
        { @"\d(?:failed to mount)+", ["failed to mount"] },
        { @"(?:failed to mount)?\d+", [] },
        // A branch without a literal leaves the alternation without one.
        { @"foo|bar baz|\d+", [] },
        { @"(?:error|x)\s+at", [] },
        // Case-insensitive parts give their case variants, cut to few letters.
        { @"(?i)ncat", ["ncat", "Ncat", "nCat", "NCat", "ncAt", "NcAt", "nCAt", "NCAt", "ncaT", "NcaT", "nCaT", "NCaT", "ncAT", "NcAT", "nCAT", "NCAT"] },
        // Character classes, dots, anchors and lookarounds break runs.
        { @"^(?<pod>default-host-[a-z0-9]{5})\s+(?<ready>\d+/\d+)\s+Running\s", ["default-host-"] },
        { @"a.b[cd]ef", [] },
        { @"(?=abc)xyz", ["xyz"] },
        // Short literals are not worth filtering on.
        { @"(?:sd|vd)[a-z]+: ", [] },
        // Escaped punctuation is a literal; escaped letters are classes or anchors.
        { @"openvswitch/db\.sock: database", ["openvswitch/db.sock: database"] },
        { @"\bpanic: \w", ["panic: "] },
        // Constructs not understood give no literal.
        { @"(?x) free spacing", [] },
        { @"(?(1)yes|no)", [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Literals_of(string pattern, string[] expected) =>
        Assert.Equal(expected.Order(StringComparer.Ordinal), RegexLiterals.From(pattern).Order(StringComparer.Ordinal));

    public static TheoryData<string, string[]> AlsoRequiredCases => new()
    {
        // Every required run besides the prefilter's own (here "https://", the longest).
        { @"\s(?<learner_id>[0-9a-f]{12,16})\s+\S+\s+https://\S+:2380\s+https://\S+:2379\s+true", [":2380", ":2379", "true"] },
        { @"volume (?<v>\S+) is degraded: (?<why>.+)", ["volume "] },
        // Inside a required group; not inside an optional one, nor from one branch of an alternation.
        { @"mount (?:of (?<dev>\S+) failed)", ["mount ", "of "] },
        { @"mount (?:of (?<dev>\S+) failed)? timed out", ["mount "] },
        { @"mount failed(?:: disk|: path) full", [] },
        // Case-insensitive pieces and runs the prefilter literal holds add nothing.
        { @"(?i:device) busy: unmount", [] },
        { @"no space left on device", [] },
    };

    [Theory]
    [MemberData(nameof(AlsoRequiredCases))]
    public void Literals_also_required_of(string pattern, string[] expected) =>
        Assert.Equal(expected.Order(StringComparer.Ordinal), RegexLiterals.AlsoRequired(pattern).Order(StringComparer.Ordinal));

    [Fact]
    public void Of_case_insensitive_runs_alike_the_one_searched_as_longer_strings_wins()
    {
        // " timeout" would be searched as " timeo" (five letters at most), 6 characters: the short strings' own pass.
        var literals = RegexLiterals.From(@"(?i)check (?:nfs|iscsi|gpfs) mount (?<mount>\S+) timeout");

        Assert.Equal(32, literals.Count);
        Assert.All(literals, l => Assert.Equal(" mount ", l, ignoreCase: true));
    }

    [Fact]
    public void A_case_insensitive_run_is_cut_to_its_part_with_the_fewest_case_variants()
    {
        // "k nfs m" and " nfs mo" are as long, but k and s have three cases each (the Kelvin sign, the long s): 72 and 48
        // variants against 32.
        var literals = RegexLiterals.From(@"(?i)check nfs mount \d");

        Assert.Equal(32, literals.Count);
        Assert.All(literals, l => Assert.Equal(" mount ", l, ignoreCase: true));
    }

    [Fact]
    public void Variants_are_counted_once_distinct_against_the_limit()
    {
        // The three branches' " mount " are one set of 32; counted three times the union went over 128 and the pattern
        // lost its literals, so every record of every host log ran it.
        var literals = RegexLiterals.From(@"(?i)(?<storage_error>check (?:nfs|iscsi|gpfs) mount \S+ timeout|Error ETIMEDOUT: problem getting command descriptions from mon|mount\.nfs: [^\n]+)");

        Assert.NotEmpty(literals);
        Assert.True(literals.Min(l => l.Length) >= 7);
    }

    [Fact]
    public void A_case_insensitive_k_also_accepts_the_kelvin_sign()
    {
        var literals = RegexLiterals.From("(?i)kub");

        Assert.Contains("\u212Aub", literals);
        Assert.Matches("(?i)kub", "\u212Aub");
    }
}
