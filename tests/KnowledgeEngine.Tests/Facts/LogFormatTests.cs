namespace KnowledgeEngine.Tests.Facts;

public sealed class LogFormatTests
{
    [Fact]
    public void Klog_line_yields_level_component_and_timestamp()
    {
        var fact = LogReading.Single("E0228 09:12:44.518230    2211 kubelet_node_status.go:94] Unable to register node with API server\n");

        Assert.Equal("klog", fact.Format);
        Assert.Equal("error", fact.Level);
        Assert.Equal("kubelet_node_status.go:94", fact.Component);
        Assert.Equal(new DateTimeOffset(2024, 2, 28, 9, 12, 44, TimeSpan.Zero).AddTicks(5182300), fact.Timestamp);
        Assert.Equal("Unable to register node with API server", fact.Message);
    }

    [Fact]
    public void Klog_year_is_the_previous_one_when_the_date_would_follow_the_collection()
    {
        var fact = LogReading.Single("W1231 23:59:01.000000 77 reflector.go:424] watch of *v1.Pod ended\n");

        Assert.Equal(2023, fact.Timestamp!.Value.Year);
    }

    [Fact]
    public void Syslog3164_line_yields_host_component_and_pid()
    {
        var fact = LogReading.Single("Mar  9 04:01:17 cp-01 kernel: EXT4-fs error (device sda1): ext4_find_entry:1455\n");

        Assert.Equal("syslog3164", fact.Format);
        Assert.Equal("cp-01", fact.Host);
        Assert.Equal("kernel", fact.Component);
        Assert.Equal(new DateTimeOffset(2024, 3, 9, 4, 1, 17, TimeSpan.Zero), fact.Timestamp);
        Assert.Equal("EXT4-fs error (device sda1): ext4_find_entry:1455", fact.Message);
    }

    [Fact]
    public void Syslog3164_logfmt_body_gives_fields_and_its_own_level()
    {
        var fact = LogReading.Single(
            "Mar  9 04:02:00 worker-3 containerd[811]: time=\"2024-03-09T04:02:00.120034511Z\" level=error msg=\"failed to pull image\" image=\"registry.local/app:1.2\"\n");

        Assert.Equal("syslog3164+logfmt", fact.Format);
        Assert.Equal("error", fact.Level);
        Assert.Equal("failed to pull image", fact.Message);
        Assert.Equal("registry.local/app:1.2", fact.Fields["image"]);
        Assert.Equal("811", fact.Fields["pid"]);
    }

    [Fact]
    public void Syslog5424_line_yields_host_app_and_structured_data()
    {
        var fact = LogReading.Single("<131>1 2024-03-09T10:00:01.250Z store-2 iscsid 4411 CONN [meta sequenceId=\"7\"] connection1:0 is operational after recovery\n");

        Assert.Equal("syslog5424", fact.Format);
        Assert.Equal("error", fact.Level);
        Assert.Equal("store-2", fact.Host);
        Assert.Equal("iscsid", fact.Component);
        Assert.Equal("[meta sequenceId=\"7\"]", fact.Fields["structured_data"]);
        Assert.Equal("connection1:0 is operational after recovery", fact.Message);
    }

    [Fact]
    public void Journal_json_line_yields_identifier_priority_host_and_message()
    {
        var fact = LogReading.Single(
            "{\"__CURSOR\":\"s=1;i=2\",\"__REALTIME_TIMESTAMP\":\"1709978400000000\",\"PRIORITY\":\"3\",\"_HOSTNAME\":\"h1\",\"SYSLOG_IDENTIFIER\":\"rke2\",\"_SYSTEMD_UNIT\":\"rke2-server.service\",\"MESSAGE\":\"etcd member not ready\"}\n");

        Assert.Equal("journal-json", fact.Format);
        Assert.Equal("error", fact.Level);
        Assert.Equal("rke2", fact.Component);
        Assert.Equal("h1", fact.Host);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1709978400), fact.Timestamp);
        Assert.Equal("etcd member not ready", fact.Message);
    }

    [Fact]
    public void Journal_short_iso_line_keeps_its_zone()
    {
        var fact = LogReading.Single("2024-03-09T10:00:00+0800 node-a kubelet[1201]: Started kubelet\n");

        Assert.Equal("journal-short-iso", fact.Format);
        Assert.Equal(TimeSpan.FromHours(8), fact.Timestamp!.Value.Offset);
        Assert.Equal("kubelet", fact.Component);
    }

    [Fact]
    public void Cri_partial_lines_are_joined_up_to_the_full_line()
    {
        var facts = LogReading.Read(
            "2024-03-09T10:00:00.000000001Z stdout P first half, \n" +
            "2024-03-09T10:00:00.000000002Z stdout F second half\n" +
            "2024-03-09T10:00:01.000000000Z stderr F next message\n");

        Assert.Equal(2, facts.Count);
        Assert.Equal("first half, second half", facts[0].Message);
        Assert.Equal(1, facts[0].LineNumber);
        Assert.Equal("stderr", facts[1].Fields["stream"]);
    }

    [Fact]
    public void Cri_envelope_with_klog_body_is_detected_as_cri_plus_klog()
    {
        var fact = LogReading.Single("2024-03-09T10:00:00.5Z stderr F I0309 10:00:00.500000       1 leaderelection.go:258] successfully acquired lease\n");

        Assert.Equal("cri+klog", fact.Format);
        Assert.Equal("info", fact.Level);
        Assert.Equal("successfully acquired lease", fact.Message);
    }

    [Fact]
    public void Timestamped_pod_log_peels_the_prefix_then_reads_logfmt()
    {
        var fact = LogReading.Single("2024-03-09T10:00:00.123456789Z time=\"2024-03-09T10:00:00Z\" level=warning msg=\"volume is degraded\" volume=pvc-1\n");

        Assert.Equal("timestamped+logfmt", fact.Format);
        Assert.Equal("warning", fact.Level);
        Assert.Equal("pvc-1", fact.Fields["volume"]);
    }

    [Fact]
    public void Logfmt_quoted_values_keep_escaped_quotes()
    {
        var fact = LogReading.Single("time=\"2024-03-09T10:00:00Z\" level=info msg=\"said \\\"hello\\\" twice\" count=2\n");

        Assert.Equal("said \"hello\" twice", fact.Message);
        Assert.Equal("2", fact.Fields["count"]);
    }

    [Fact]
    public void Json_line_with_epoch_ts_yields_message_level_and_time()
    {
        var fact = LogReading.Single("{\"level\":\"warn\",\"ts\":1709978400.5,\"caller\":\"etcdserver/util.go:166\",\"msg\":\"apply request took too long\"}\n");

        Assert.Equal("json", fact.Format);
        Assert.Equal("warning", fact.Level);
        Assert.Equal("apply request took too long", fact.Message);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1709978400500), fact.Timestamp);
    }

    [Fact]
    public void Cloudpods_line_with_short_date_yields_level_and_caller()
    {
        var fact = LogReading.Single("[error 240309 10:00:00 hostinfo.(*SHostInfo).register(hostinfo.go:1520)] register failed: duplicate manager_uri\n");

        Assert.Equal("cloudpods", fact.Format);
        Assert.Equal("error", fact.Level);
        Assert.Equal("hostinfo.(*SHostInfo).register(hostinfo.go:1520)", fact.Component);
        Assert.Equal(new DateTimeOffset(2024, 3, 9, 10, 0, 0, TimeSpan.Zero), fact.Timestamp);
        Assert.Equal("register failed: duplicate manager_uri", fact.Message);
    }

    [Fact]
    public void Cloudpods_coloured_line_loses_its_ansi_codes()
    {
        var fact = LogReading.Single("\u001b[31m[E 240309 10:00:00 guestman.go:88]\u001b[0m disk not found\n");

        Assert.Equal("error", fact.Level);
        Assert.Equal("[E 240309 10:00:00 guestman.go:88] disk not found", fact.Text);
    }

    [Fact]
    public void Cloudpods_file_switching_to_long_dates_keeps_every_record()
    {
        var facts = LogReading.Read(
            "[info 240309 06:34:04 options.parseOptions(options.go:336)] Use configuration file: /etc/yunion/host.conf\n" +
            "[info 2024-03-09 06:34:05 options.parseOptions(options.go:336)] Use configuration file: /etc/yunion/common/common.conf\n");

        Assert.Equal(2, facts.Count);
        Assert.Equal(new DateTimeOffset(2024, 3, 9, 6, 34, 5, TimeSpan.Zero), facts[1].Timestamp);
    }

    [Fact]
    public void CloudStack_log4j_record_keeps_its_stack_trace_whole()
    {
        var facts = LogReading.Read(
            "2024-03-09 10:00:00,101 ERROR [c.c.v.VirtualMachineManagerImpl] (Work-Job-Executor-4:ctx-1a2b) (logid:9f8e7d6c) Unable to start VM\n" +
            "com.cloud.exception.InsufficientServerCapacityException: Unable to create a deployment\n" +
            "\tat com.cloud.vm.VirtualMachineManagerImpl.orchestrateStart(VirtualMachineManagerImpl.java:1234)\n" +
            "2024-03-09 10:00:01,000 INFO  [c.c.a.ApiServer] (qtp-12:ctx-3c) (logid:) done\n");

        Assert.Equal(2, facts.Count);
        Assert.Equal(3, facts[0].Text.Split('\n').Length);
        Assert.Equal(4, facts[1].LineNumber);
    }

    [Fact]
    public void CloudStack_log4j_line_yields_category_thread_and_logid()
    {
        var fact = LogReading.Single("2024-03-09 10:00:00,101 DEBUG [c.c.a.m.AgentManagerImpl] (AgentManager-Handler-3:null) (logid:41d31dfa) Ping from 7(s-3-VM)\n");

        Assert.Equal("log4j", fact.Format);
        Assert.Equal("debug", fact.Level);
        Assert.Equal("c.c.a.m.AgentManagerImpl", fact.Component);
        Assert.Equal("AgentManager-Handler-3:null", fact.Fields["thread"]);
        Assert.Equal("41d31dfa", fact.Fields["logid"]);
        Assert.Equal("Ping from 7(s-3-VM)", fact.Message);
    }

    [Fact]
    public void Vr_cloud_log_yields_script_and_function()
    {
        var fact = LogReading.Single("2024-03-09 10:00:00,250  CsRedundant.py set_master:340 Router switched to master mode\n");

        Assert.Equal("vr-cloud", fact.Format);
        Assert.Equal("CsRedundant.py", fact.Component);
        Assert.Equal("set_master:340", fact.Fields["function"]);
        Assert.Equal("Router switched to master mode", fact.Message);
    }

    [Fact]
    public void Keepalived_master_state_becomes_a_primary_state_field()
    {
        var fact = LogReading.Single("Mar  9 10:15:00 r-7-VM Keepalived_vrrp[2101]: (VI_1) Entering MASTER STATE\n");

        Assert.Equal("syslog3164+keepalived", fact.Format);
        Assert.Equal("PRIMARY", fact.Fields["state"]);
        Assert.Equal("(VI_1) Entering MASTER STATE", fact.Message);
    }

    [Fact]
    public void Keepalived_1x_vrrp_instance_form_is_recognised()
    {
        var fact = LogReading.Single("Mar  9 10:15:00 r-7-VM Keepalived_vrrp[2101]: VRRP_Instance(vi_2) Entering BACKUP STATE\n");

        Assert.Equal("vi_2", fact.Fields["instance"]);
        Assert.Equal("BACKUP", fact.Fields["state"]);
    }

    [Fact]
    public void Talos_dmesg_continuation_lines_stay_in_their_record()
    {
        var facts = LogReading.Read(
            "kern:    info: [2024-03-09T10:00:00.100000000Z]: rtc_cmos 00:03: registered as rtc0\n" +
            " SUBSYSTEM=pnp\n" +
            " DEVICE=+pnp:00:03\n" +
            "kern:     err: [2024-03-09T10:00:01.000000000Z]: nvme0: I/O timeout\n");

        Assert.Equal(2, facts.Count);
        Assert.Equal("talos-dmesg", facts[0].Format);
        Assert.EndsWith("DEVICE=+pnp:00:03", facts[0].Text);
        Assert.Equal("error", facts[1].Level);
        Assert.Equal("kern", facts[1].Component);
    }

    [Fact]
    public void Talos_zap_console_line_takes_its_component_from_the_field_bag()
    {
        var fact = LogReading.Single("[talos] 2024/03/09 10:00:00 setting resolvers {\"component\": \"controller-runtime\", \"controller\": \"network.ResolverSpecController\"}\n");

        Assert.Equal("golog", fact.Format);
        Assert.Equal("controller-runtime", fact.Component);
        Assert.Equal("network.ResolverSpecController", fact.Fields["controller"]);
        Assert.Equal("setting resolvers", fact.Message);
    }

    [Fact]
    public void Plain_text_indented_lines_continue_the_record_above()
    {
        var facts = LogReading.Read("2: eth0: <BROADCAST,MULTICAST,UP> mtu 1500\n    link/ether 52:54:00:12:34:56\n3: eth1: <BROADCAST> mtu 1500\n");

        Assert.Equal(2, facts.Count);
        Assert.Equal("plain", facts[0].Format);
        Assert.Contains("link/ether", facts[0].Text);
        Assert.Equal(3, facts[1].LineNumber);
    }

    [Fact]
    public void Invalid_utf8_is_read_with_replacement_characters()
    {
        byte[] bytes = [.. "disk "u8, 0xC3, 0x28, .. " failed\n"u8];

        var fact = Assert.Single(LogReading.Read(bytes, null, null, null, out _));

        Assert.Equal("disk \uFFFD( failed", fact.Text);
    }

    [Fact]
    public void Crlf_line_endings_are_not_part_of_the_message()
    {
        var facts = LogReading.Read("first line\r\nsecond line\r\n");

        Assert.Equal(["first line", "second line"], facts.Select(f => f.Message));
    }

    [Theory]
    [InlineData("2024-03-09T04:01:17+9999 disk failed\n")]
    [InlineData("2024-03-09 04:01:17-1500 disk failed\n")]
    [InlineData("0000-03-09T04:01:17Z disk failed\n")]
    [InlineData("9999-12-31T23:59:59-14:00 disk failed\n")]
    public void Timestamp_outside_what_a_clock_can_show_leaves_the_line_without_a_time(string line)
    {
        var fact = LogReading.Single(line);

        Assert.Null(fact.Timestamp);
        Assert.Contains("disk failed", fact.Text);
    }
}
