using System.Text.Json;
using static KnowledgeEngine.Tests.Expressions.ExprHarness;

namespace KnowledgeEngine.Tests.Expressions;

public class EvaluationTests
{
    private static readonly DateTimeOffset Collected = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly PodFact Pod = new()
    {
        Name = "kube-apiserver-node1",
        Restarts = 4,
        Ready = false,
        Uptime = TimeSpan.FromMinutes(90),
        Time = Collected.AddMinutes(-2),
        Roles = ["control-plane", "etcd"],
        Labels = new Dictionary<string, object?>
        {
            ["app"] = "apiserver",
            ["node-role.kubernetes.io/control-plane"] = "",
            ["port"] = 6443.0,
            ["zones"] = new List<object?> { "a", "b" },
            ["conditions"] = new List<object?>
            {
                new Dictionary<string, object?> { ["type"] = "MemoryPressure", ["status"] = "False" },
                new Dictionary<string, object?> { ["type"] = "Ready", ["status"] = "False", ["reason"] = "KubeletNotReady" },
            },
        },
    };

    private static readonly HostFact Host = new()
    {
        Name = "node1",
        CollectedAt = Collected,
        Spec = JsonDocument.Parse("""{"status":"offline","cpus":8,"ready":true,"macs":["aa:bb"],"boot":"2025-03-01T11:00:00Z","note":null,"nics":[{"index":0,"up":false},{"index":1,"up":true,"mac":"cc:dd"}]}""").RootElement,
    };

    [Theory]
    [InlineData("name == 'kube-apiserver-node1'", true)]
    [InlineData("name != 'kube-apiserver-node1'", false)]
    [InlineData("restarts > 3 and restarts <= 4", true)]
    [InlineData("restarts + 1 == 5", true)]
    [InlineData("not ready", true)]
    [InlineData("ready == false or restarts > 100", true)]
    [InlineData("uptime > 1h and uptime < 1h30m1s", true)]
    [InlineData("uptime == 90m", true)]
    [InlineData("name startsWith 'kube-' and name endsWith 'node1'", true)]
    [InlineData("name contains 'apiserver'", true)]
    [InlineData("name matches '^kube-[a-z]+-node\\d$'", true)]
    [InlineData("lower('ABC') == 'abc' and upper(name) startsWith 'KUBE'", true)]
    [InlineData("len(name) == 20 and len(roles) == 2", true)]
    [InlineData("'etcd' in roles and roles contains 'control-plane'", true)]
    [InlineData("name in ['a', 'kube-apiserver-node1']", true)]
    [InlineData("name not in ['a', 'b']", true)]
    [InlineData("roles[0] == 'control-plane'", true)]
    [InlineData("roles[5] == 'x'", false)]
    public void Eval_TypedFields_GivesExpectedResult(string text, bool expected) =>
        Assert.Equal(expected, Eval(text, Pod, Host));

    [Theory]
    [InlineData("labels.app == 'apiserver'", true)]
    [InlineData("labels['node-role.kubernetes.io/control-plane'] == ''", true)]
    [InlineData("exists(labels['node-role.kubernetes.io/control-plane'])", true)]
    [InlineData("exists(labels.missing)", false)]
    [InlineData("labels.port == 6443 and labels.port > 1000", true)]
    [InlineData("labels.port == '6443'", true)]
    [InlineData("labels.zones contains 'b' and len(labels.zones) == 2", true)]
    [InlineData("labels contains 'app'", true)]
    [InlineData("labels.zones[1] == 'b'", true)]
    [InlineData("labels.conditions[type == 'Ready'].status == 'False'", true)]
    [InlineData("labels.conditions[type == 'Ready'].reason == 'KubeletNotReady'", true)]
    [InlineData("labels.conditions[type == 'DiskPressure'].status != 'True'", true)]
    [InlineData("exists(labels.conditions[type == 'DiskPressure'])", false)]
    [InlineData("labels.conditions[exists(reason)].type == 'Ready'", true)]
    [InlineData("exists(labels.conditions[exists(message)])", false)]
    [InlineData("labels.zones[type == 'Ready'] == null", true)]
    [InlineData("labels.app[type == 'Ready'] == null", true)]
    public void Eval_DictionaryValues_AreReadDynamically(string text, bool expected) =>
        Assert.Equal(expected, Eval(text, Pod, Host));

    [Theory]
    [InlineData("host.spec.status == 'offline'", true)]
    [InlineData("host.spec.cpus >= 8", true)]
    [InlineData("host.spec.ready", true)]
    [InlineData("host.spec.ready == true", true)]
    [InlineData("host.spec.macs[0] == 'aa:bb'", true)]
    [InlineData("host.spec.nics[index == 1].mac == 'cc:dd'", true)]
    [InlineData("host.spec.nics[up == true].index == 1", true)]
    [InlineData("host.spec.nics[index == '1'].up", true)]
    [InlineData("exists(host.spec.nics[index == 2])", false)]
    [InlineData("host.spec.nics[exists(mac)].index == 1", true)]
    [InlineData("'aa:bb' in host.spec.macs", true)]
    [InlineData("host.spec.note == null", true)]
    [InlineData("exists(host.spec.note)", false)]
    [InlineData("time - host.spec.boot > 30m", true)]
    [InlineData("host.spec.status == host.spec.status", true)]
    [InlineData("host.spec.cpus < host.spec.status", false)]
    public void Eval_JsonElementValues_AreReadDynamically(string text, bool expected) =>
        Assert.Equal(expected, Eval(text, Pod, Host));

    [Theory]
    [InlineData("labels.missing == 'x'", false)]
    [InlineData("labels.missing != 'x'", true)]
    [InlineData("labels.missing == null", true)]
    [InlineData("labels.missing > 3", false)]
    [InlineData("labels.missing < 3", false)]
    [InlineData("labels.missing", false)]
    [InlineData("labels.missing.deeper == 'x'", false)]
    [InlineData("labels.missing matches '.*'", false)]
    [InlineData("labels.missing in ['x']", false)]
    [InlineData("len(labels.missing) == 0", true)]
    public void Eval_MissingValue_ComparesFalseExceptWithNull(string text, bool expected) =>
        Assert.Equal(expected, Eval(text, Pod, Host));

    [Fact]
    public void Eval_NullString_ComparesFalse() =>
        Assert.False(Eval("name == 'x' or name contains 'x' or name > 'a'", new PodFact(), Host));

    [Theory]
    [InlineData("time > host.collected_at - 3m", true)]
    [InlineData("time > host.collected_at - 1m", false)]
    [InlineData("host.collected_at - time == 2m", true)]
    [InlineData("time + 2m == host.collected_at", true)]
    [InlineData("2m + time == host.collected_at", true)]
    public void Eval_TimeArithmetic_UsesDurations(string text, bool expected) =>
        Assert.Equal(expected, Eval(text, Pod, Host));

    [Fact]
    public void Eval_JoinWithEarlierCondition_ComparesBothFacts()
    {
        var host = new HostFact { Name = "kube-apiserver-node1" };

        Assert.True(Eval("name == host.name", Pod, host));
        Assert.False(Eval("name == host.name", Pod, Host));
    }
}
