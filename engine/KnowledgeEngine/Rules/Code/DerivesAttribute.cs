namespace KnowledgeEngine.Rules;

/// <summary>Says which <see cref="DerivedFact"/> a rule written in code inserts, and with which fields, so that
/// YAML rules can read it with <c>fact: { name: ..., where: ... }</c> and are checked against it when they load,
/// as against a YAML rule's <c>derive:</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class DerivesAttribute(string fact, params string[] fields) : Attribute
{
    /// <summary>The derived fact's name: lower-case letters, digits and '_', as in a YAML <c>derive:</c>.</summary>
    public string Fact { get; } = fact;

    public IReadOnlyList<string> Fields { get; } = fields;
}
