using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace KnowledgeEngine.Rete.Compilation;

/// <summary>A canonical text of a condition, used to find identical conditions so their nodes can
/// be shared. Parameters are written by role (own fact or tuple position), not by name, so
/// <c>a.X == 1</c> in one rule and <c>x.X == 1</c> in another get the same key. Constants captured
/// in closures are written by value.</summary>
internal sealed class ExpressionKey : ExpressionVisitor
{
    private static readonly ConditionalWeakTable<object, StrongBox<long>> s_objectIds = new();
    private static long s_nextObjectId;
    // Keys are built for every condition of every rule and are long (full type names); one
    // builder per thread keeps the growing buffers out of the garbage, only the key is allocated.
    [ThreadStatic]
    private static StringBuilder? t_text;
    private readonly StringBuilder _text;
    private readonly Func<ParameterExpression, string> _parameterName;

    private ExpressionKey(Func<ParameterExpression, string> parameterName, StringBuilder text)
    {
        _parameterName = parameterName;
        _text = text;
    }

    public static string Of(Expression body, Func<ParameterExpression, string> parameterName)
    {
        var text = t_text ?? new StringBuilder(512);
        t_text = null; // a key built while this one is (none today) gets a builder of its own
        var key = new ExpressionKey(parameterName, text.Clear());
        key.Visit(body);
        var result = text.ToString();
        t_text = text;
        return result;
    }

    public override Expression? Visit(Expression? node)
    {
        if (node is null)
        {
            _text.Append("null");
            return node;
        }

        if (TryEvaluateClosureMember(node, out var value))
        {
            AppendConstant(value, node.Type);
            return node;
        }

        _text.Append('(').Append(node.NodeType).Append(':').Append(TypeName(node.Type)).Append(' ');
        var result = base.Visit(node);
        _text.Append(')');
        return result;
    }

    protected override Expression VisitParameter(ParameterExpression node)
    {
        _text.Append(_parameterName(node));
        return node;
    }

    protected override Expression VisitConstant(ConstantExpression node)
    {
        AppendConstant(node.Value, node.Type);
        return node;
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        Visit(node.Expression);
        _text.Append('.').Append(node.Member.DeclaringType?.FullName).Append("::").Append(node.Member.Name);
        return node;
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        _text.Append(Describe(node.Method)).Append(' ');
        Visit(node.Object);
        foreach (var argument in node.Arguments)
        {
            _text.Append(',');
            Visit(argument);
        }

        return node;
    }

    protected override Expression VisitBinary(BinaryExpression node)
    {
        if (node.Method is not null)
        {
            _text.Append(Describe(node.Method)).Append(' ');
        }

        Visit(node.Left);
        _text.Append(',');
        Visit(node.Right);
        return node;
    }

    protected override Expression VisitUnary(UnaryExpression node)
    {
        if (node.Method is not null)
        {
            _text.Append(Describe(node.Method)).Append(' ');
        }

        Visit(node.Operand);
        return node;
    }

    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        _text.Append("lambda ");
        foreach (var p in node.Parameters)
        {
            _text.Append(p.Name).Append(':').Append(TypeName(p.Type)).Append(',');
        }

        Visit(node.Body);
        return node;
    }

    protected override Expression VisitNew(NewExpression node)
    {
        _text.Append(node.Constructor is null ? "new" : Describe(node.Constructor)).Append(' ');
        foreach (var argument in node.Arguments)
        {
            Visit(argument);
            _text.Append(',');
        }

        return node;
    }

    protected override Expression VisitTypeBinary(TypeBinaryExpression node)
    {
        Visit(node.Expression);
        _text.Append(" is ").Append(TypeName(node.TypeOperand));
        return node;
    }

    private static bool TryEvaluateClosureMember(Expression node, out object? value)
    {
        // A captured local reads as closure.field; its value, not the closure object, is what matters.
        if (node is MemberExpression { Expression: ConstantExpression closure } member)
        {
            switch (member.Member)
            {
                case FieldInfo field:
                    value = field.GetValue(closure.Value);
                    return true;
                case PropertyInfo { CanRead: true } property when property.GetIndexParameters().Length == 0:
                    value = property.GetValue(closure.Value);
                    return true;
            }
        }

        value = null;
        return false;
    }

    private void AppendConstant(object? value, Type type)
    {
        _text.Append("const:").Append(TypeName(type)).Append('=');
        switch (value)
        {
            case null:
                _text.Append("null");
                break;
            case string s:
                _text.Append('"').Append(s.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"');
                break;
            case IFormattable f when value.GetType().IsPrimitive || value is decimal or DateTime or DateTimeOffset or TimeSpan or Guid or Enum:
                _text.Append(f.ToString(null, CultureInfo.InvariantCulture));
                break;
            case bool b:
                _text.Append(b ? "true" : "false");
                break;
            case Type t:
                _text.Append(TypeName(t));
                break;
            default:
                // Other objects (a compiled Regex, a lookup table) are only the same when they are the same instance.
                _text.Append("ref#").Append(s_objectIds.GetValue(value, _ => new StrongBox<long>(Interlocked.Increment(ref s_nextObjectId))).Value);
                break;
        }
    }

    // Keys are built for every condition of every rule; the few methods they call are described once.
    private static readonly ConcurrentDictionary<MethodBase, string> s_described = new();

    private static string Describe(MethodBase method) =>
        s_described.GetOrAdd(method, static m =>
            $"{m.DeclaringType?.FullName}::{m.Name}({string.Join(",", m.GetParameters().Select(p => TypeName(p.ParameterType)))})");

    private static string TypeName(Type type) => type.FullName ?? type.Name;
}
