using NRules.AgendaFilters;

namespace KnowledgeEngine.NRules.Runtime;

/// <summary>Keeps NRules' own agenda empty: the adapter session orders and fires activations
/// itself, from NRules' activation events, so NRules never fires a rule.</summary>
internal sealed class RejectAll : IAgendaFilter
{
    public static readonly RejectAll Instance = new();

    public bool Accept(AgendaContext context, global::NRules.Activation activation) => false;
}
