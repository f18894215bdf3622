using KnowledgeEngine.Facts;
using KnowledgeEngine.Facts.Configs;

namespace KnowledgeEngine.Tests.Facts;

public sealed class ConfigTests
{
    private static Dictionary<string, (string Value, int Line)> Read(string path, string text) =>
        ConfigReader.Read(path, text).ToDictionary(f => f.Key, f => (f.Value, f.Line));

    [Fact]
    public void Yaml_config_flattens_to_key_paths_with_lines()
    {
        var facts = Read("etc/yunion/host.conf", "# host agent\nnetworks:\n- eth0/br0/192.168.201.20\nlisten_interface: br0\nlocal_image_path:\n- /opt/cloud/workspace/disks\n");

        Assert.Equal(("eth0/br0/192.168.201.20", 3), facts["networks[0]"]);
        Assert.Equal(("br0", 4), facts["listen_interface"]);
        Assert.Equal("/opt/cloud/workspace/disks", facts["local_image_path[0]"].Value);
    }

    [Fact]
    public void Keepalived_conf_blocks_become_dotted_keys()
    {
        var facts = Read("etc/keepalived/keepalived.conf",
            "global_defs {\n   router_id r-42-VM\n}\n" +
            "vrrp_instance inside_network {\n    state BACKUP\n    priority 100\n    virtual_ipaddress {\n        10.1.1.1/24 dev eth0\n    }\n" +
            "    notify_master \"/opt/cloud/bin/master.py --master\" # on takeover\n}\n");

        Assert.Equal(("BACKUP", 5), facts["vrrp_instance.inside_network.state"]);
        Assert.Equal("r-42-VM", facts["global_defs.router_id"].Value);
        Assert.Equal(("10.1.1.1/24 dev eth0", 8), facts["vrrp_instance.inside_network.virtual_ipaddress[0]"]);
        Assert.Equal("/opt/cloud/bin/master.py --master", facts["vrrp_instance.inside_network.notify_master"].Value);
    }

    [Fact]
    public void Ini_sections_prefix_their_keys()
    {
        var facts = Read("etc/cloudstack/agent/db.ini", "; db\n[cloud]\nhost = 10.0.0.10\nport=3306\n");

        Assert.Equal(("10.0.0.10", 3), facts["cloud.host"]);
        Assert.Equal("3306", facts["cloud.port"].Value);
    }

    [Fact]
    public void Sysconfig_values_are_unquoted()
    {
        var facts = Read("etc/sysconfig/network-scripts/ifcfg-eth0", "DEVICE=eth0\nBOOTPROTO=\"static\"\nexport MTU='9000'\n");

        Assert.Equal("static", facts["BOOTPROTO"].Value);
        Assert.Equal(("9000", 3), facts["MTU"]);
    }

    [Fact]
    public void Json_config_uses_indexes_for_arrays()
    {
        var facts = Read("etc/docker/daemon.json", "{\n  \"registry-mirrors\": [\"https://m1\", \"https://m2\"],\n  \"log-opts\": {\"max-size\": \"10m\"}\n}\n");

        Assert.Equal(("https://m2", 2), facts["registry-mirrors[1]"]);
        Assert.Equal(("10m", 3), facts["log-opts.max-size"]);
    }

    [Fact]
    public void Talos_state_file_becomes_key_value_pairs()
    {
        var facts = Read("10.5.0.2/service-logs/etcd.state", "ID\tetcd\nSTATE\tRunning\nHEALTH\tFail\nLAST HEALTH MESSAGE\tcontext deadline exceeded\n");

        Assert.Equal("Fail", facts["HEALTH"].Value);
        Assert.Equal("context deadline exceeded", facts["LAST HEALTH MESSAGE"].Value);
    }

    [Fact]
    public void Config_facts_carry_their_source()
    {
        var fact = ConfigReader.Read("etc/hostname", "node-1\n").Single();

        Assert.Equal("etc/hostname:1", fact.Location);
    }
}
