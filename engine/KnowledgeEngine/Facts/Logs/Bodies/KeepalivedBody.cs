namespace KnowledgeEngine.Facts.Logs.Bodies;

/// <summary>
/// keepalived's syslog messages: "(VI_1) Entering MASTER STATE" (2.x) or "VRRP_Instance(vi_2) Entering MASTER STATE" (1.x).
/// The text stays as written; the instance and a state normalised to CloudStack's names (MASTER → PRIMARY) become fields.
/// </summary>
internal sealed class KeepalivedBody : LogBody
{
    public override string Name => "keepalived";

    public override bool TryParse(ReadOnlySpan<char> body, RecordHeader? header, TimeContext time, out ReadOnlySpan<char> message)
    {
        message = body;
        var s = body.StartsWith("VRRP_Instance(") ? body[13..] : body;
        if (s.IsEmpty || s[0] != '(')
        {
            return false;
        }

        var close = s.IndexOf(')');
        if (close < 2)
        {
            return false;
        }

        if (header is not null)
        {
            header.SetField("instance", s[1..close].ToString());
            var rest = s[(close + 1)..];
            var entering = rest.IndexOf("Entering ");
            var stateEnd = rest.IndexOf(" STATE");
            if (entering >= 0 && stateEnd > entering + 9)
            {
                header.SetField("state", RedundantState.Normalise(rest[(entering + 9)..stateEnd].ToString()));
            }
        }
        return true;
    }
}

/// <summary>CloudStack renamed the redundant router state MASTER to PRIMARY in 4.19; rules compare against the new name.</summary>
internal static class RedundantState
{
    public static string Normalise(string state) =>
        state.Equals("MASTER", StringComparison.OrdinalIgnoreCase) ? "PRIMARY" : state.ToUpperInvariant();
}
