using System.Reflection;

namespace KnowledgeEngine.Rules.Expressions;

/// <summary>The <see cref="ExpressionRuntime"/> methods compiled expressions call, looked up once.</summary>
internal static class RuntimeMethods
{
    public static readonly MethodInfo AsString = Get(nameof(ExpressionRuntime.AsString));
    public static readonly MethodInfo AsNumber = Get(nameof(ExpressionRuntime.AsNumber));
    public static readonly MethodInfo AsBool = Get(nameof(ExpressionRuntime.AsBool));
    public static readonly MethodInfo AsDuration = Get(nameof(ExpressionRuntime.AsDuration));
    public static readonly MethodInfo AsTime = Get(nameof(ExpressionRuntime.AsTime));
    public static readonly MethodInfo AsList = Get(nameof(ExpressionRuntime.AsList));
    public static readonly MethodInfo IsTrue = Get(nameof(ExpressionRuntime.IsTrue));
    public static readonly MethodInfo IsNull = Get(nameof(ExpressionRuntime.IsNull));
    public static readonly MethodInfo Member = Get(nameof(ExpressionRuntime.Member));
    public static readonly MethodInfo Index = Get(nameof(ExpressionRuntime.Index));
    public static readonly MethodInfo Select = Get(nameof(ExpressionRuntime.Select));
    public static readonly MethodInfo Len = Get(nameof(ExpressionRuntime.Len));
    public static readonly MethodInfo LenText = Get(nameof(ExpressionRuntime.LenText));
    public static readonly MethodInfo LenList = Get(nameof(ExpressionRuntime.LenList));
    public static readonly MethodInfo Lower = Get(nameof(ExpressionRuntime.Lower));
    public static readonly MethodInfo Upper = Get(nameof(ExpressionRuntime.Upper));
    public static readonly MethodInfo Equal = Get(nameof(ExpressionRuntime.Equal));
    public static readonly MethodInfo NotEqual = Get(nameof(ExpressionRuntime.NotEqual));
    public static readonly MethodInfo Compare = Get(nameof(ExpressionRuntime.Compare));
    public static readonly MethodInfo CompareText = Get(nameof(ExpressionRuntime.CompareText));
    public static readonly MethodInfo InList = Get(nameof(ExpressionRuntime.InList));
    public static readonly MethodInfo Contains = Get(nameof(ExpressionRuntime.Contains));
    public static readonly MethodInfo ContainsText = Get(nameof(ExpressionRuntime.ContainsText));
    public static readonly MethodInfo StartsWith = Get(nameof(ExpressionRuntime.StartsWith));
    public static readonly MethodInfo EndsWith = Get(nameof(ExpressionRuntime.EndsWith));
    public static readonly MethodInfo IsMatch = Get(nameof(ExpressionRuntime.IsMatch));
    public static readonly MethodInfo Add = Get(nameof(ExpressionRuntime.Add));
    public static readonly MethodInfo Subtract = Get(nameof(ExpressionRuntime.Subtract));
    public static readonly MethodInfo Negate = Get(nameof(ExpressionRuntime.Negate));

    private static MethodInfo Get(string name) =>
        typeof(ExpressionRuntime).GetMethod(name, BindingFlags.Public | BindingFlags.Static)
        ?? throw new InvalidOperationException($"ExpressionRuntime.{name} is missing");
}
