using KnowledgeEngine.Facts;
using KnowledgeEngine.Rules;
using KnowledgeEngine.Tests.Facts;

namespace KnowledgeEngine.Tests.Rules;

/// <summary>A capture written for an address also takes the mask a reporter put there (x.x.x.x, 10.x.x.x,
/// XX:XX:..., ***, &lt;redacted&gt;), and holds the mask as written: never a guessed address.</summary>
public sealed class MaskedValueTests : IDisposable
{
    private readonly TestBundle _disk = new();

    public void Dispose() => _disk.Dispose();

    private RuleRun Run(string regex, string line)
    {
        var rule = TempRules.Minimal("cloudpods/conflict", when: $"  - log: {{ regex: '{regex}' }}\n    as: conflict\n");
        using var bundle = Bundle.Open(_disk.Folder("b", new() { ["logs/host.log"] = line + "\n" }));
        return RuleHarness.Load(rule).Run(bundle);
    }

    [Theory]
    [InlineData("https://10.127.10.7:8885", "10.127.10.7")]
    [InlineData("https://x.x.x.x:8885", "x.x.x.x")]
    [InlineData("https://10.x.x.x:8885", "10.x.x.x")]
    [InlineData("https://***:8885", "***")]
    [InlineData("https://<redacted>:8885", "<redacted>")]
    public void An_ipv4_capture_takes_the_address_or_its_mask_as_written(string url, string captured)
    {
        var run = Run(@"duplicate manager_uri https://(?<ip>[0-9.]+):(?<port>\d+)", $"register failed: duplicate manager_uri {url}");

        var fired = Assert.Single(run.Fired);
        Assert.Equal(captured, fired.Values["conflict.ip"]);
        Assert.Equal("8885", fired.Values["conflict.port"]);
    }

    [Theory]
    [InlineData("00:22:4d:aa:bb:cc")]
    [InlineData("XX:XX:XX:XX:XX:XX")]
    [InlineData("00:22:4d:xx:xx:xx")]
    public void A_mac_capture_takes_a_masked_mac(string mac)
    {
        var run = Run(@"Master MAC: (?<mac>[0-9a-f]{2}(?::[0-9a-f]{2}){5})", $"Master MAC: {mac}");

        Assert.Equal(mac, Assert.Single(run.Fired).Values["conflict.mac"]);
    }

    [Fact]
    public void A_capture_that_is_not_an_address_does_not_take_a_mask()
    {
        var run = Run(@"restarted (?<count>\d+) times", "restarted *** times");

        Assert.Empty(run.Fired);
    }

    [Theory]
    [InlineData("x.x.x.x")]
    [InlineData("127.0.0.1")]
    public void A_capture_for_one_range_of_addresses_takes_neither_a_mask_nor_another_address(string address)
    {
        // A claim about the address (private, the cluster DNS) cannot be supported by a mask.
        var run = Run(@"bind to (?<local_ip>(?:10|192\.168|172\.(?:1[6-9]|2\d|3[01]))(?:\.\d{1,3}){2,3})", $"bind to {address}");

        Assert.Empty(run.Fired);
    }

    [Fact]
    public void The_mask_alternative_takes_no_unmasked_address()
    {
        var mask = new System.Text.RegularExpressions.Regex($"^(?:{MaskedValues.Mask})$");

        Assert.DoesNotMatch(mask, "10.127.10.7");
        Assert.DoesNotMatch(mask, "00:22:4d:aa:bb:cc");
        Assert.Matches(mask, "10.127.x.x");
        Assert.Matches(mask, "00:22:4d:aa:bb:XX");
    }

    [Theory]
    [InlineData(@"peer (?<ip>\d+\.\d+\.\d+\.\d+) is down", "peer x.x.x.x is down")]
    [InlineData(@"Master MAC: (?<mac>[0-9a-f:]{17})", "Master MAC: XX:XX:XX:XX:XX:XX")]
    public void The_prefilter_literals_are_in_every_masked_match(string pattern, string line)
    {
        var literals = RegexLiterals.From(pattern);

        Assert.Matches(LazyRegex.Get(pattern).Matcher, line);
        Assert.NotEmpty(literals);
        Assert.Contains(literals, l => line.Contains(l, StringComparison.Ordinal));
    }

    [Fact]
    public void A_pattern_without_an_address_capture_is_matched_as_written()
    {
        Assert.Same(@"restarted (?<count>\d+) times", MaskedValues.Widen(@"restarted (?<count>\d+) times"));
    }
}
