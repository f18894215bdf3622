using System.Linq.Expressions;

namespace KnowledgeEngine.Rules.Expressions;

/// <summary>
/// Type-checks and compiles a tree bottom-up. A node whose operand failed returns null
/// without a message of its own, so each mistake is reported once, and both operands are
/// always compiled so every mistake of the expression is reported.
/// </summary>
internal sealed class NodeCompiler(CompileContext context)
{
    public Typed? Compile(ExprNode node) => node switch
    {
        LiteralNode literal => Literal(literal),
        ListNode list => List(list),
        PathNode path => new PathCompiler(context).Compile(path),
        CallNode call => CompileCall(call),
        UnaryNode unary => CompileUnary(unary),
        BinaryNode binary => CompileBinary(binary),
        _ => throw new ArgumentException($"unknown node type {node.GetType().Name}", nameof(node)),
    };

    private static Typed Literal(LiteralNode literal) =>
        new(Expression.Constant(literal.Value, ClrTypes.Of(literal.Type)), literal.Type);

    private Typed? List(ListNode list)
    {
        var items = list.Items.Select(Compile).ToList();
        if (items.Any(item => item is null))
        {
            return null;
        }

        var compiled = items.Select(item => item!.Value.Expr).ToList();
        // A list of constants is one constant, so equal lists in different rules stay equal.
        Expression value = compiled.All(item => item is ConstantExpression)
            ? Expression.Constant(compiled.Select(item => ((ConstantExpression)item).Value).ToArray(), typeof(IReadOnlyList<object?>))
            : Expression.Convert(Expression.NewArrayInit(typeof(object), compiled.Select(Coercion.Box)), typeof(IReadOnlyList<object?>));
        return new Typed(value, ExprType.List);
    }

    private Typed? CompileCall(CallNode call)
    {
        if (call.Name == "exists")
        {
            return new PathCompiler(context).CompileExists((PathNode)call.Arguments[0]);
        }

        return Compile(call.Arguments[0]) is { } argument ? FunctionCompiler.Compile(context, call, argument) : null;
    }

    private Typed? CompileUnary(UnaryNode unary)
    {
        if (Compile(unary.Operand) is not { } operand)
        {
            return null;
        }

        if (unary.Operator == UnaryOperator.Not)
        {
            if (operand.Type is ExprType.Bool or ExprType.Any)
            {
                return new Typed(Expression.Not(Coercion.ToBool(operand)), ExprType.Bool);
            }

            context.TypeError(unary, $"'not' needs true or false, found {CompileContext.Describe(unary.Operand, operand.Type)}",
                "'not' applies to the operand right after it: write not (a == b), or use !=");
            return null;
        }

        return ArithmeticCompiler.Negate(context, unary, operand);
    }

    private Typed? CompileBinary(BinaryNode binary)
    {
        var left = Compile(binary.Left);
        var right = Compile(binary.Right);
        if (left is not { } l || right is not { } r)
        {
            return null;
        }

        return binary.Operator switch
        {
            BinaryOperator.And or BinaryOperator.Or => Logic(binary, l, r),
            BinaryOperator.Add or BinaryOperator.Subtract => ArithmeticCompiler.Compile(context, binary, l, r),
            BinaryOperator.Equal or BinaryOperator.NotEqual => EqualityCompiler.Compile(context, binary, l, r),
            BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual =>
                OrderCompiler.Compile(context, binary, l, r),
            _ => MembershipCompiler.Compile(context, binary, l, r),
        };
    }

    private Typed? Logic(BinaryNode binary, Typed left, Typed right)
    {
        var ok = true;
        foreach (var (node, operand) in new[] { (binary.Left, left), (binary.Right, right) })
        {
            if (operand.Type is not (ExprType.Bool or ExprType.Any))
            {
                var word = OperatorTable.Text(binary.Operator);
                context.TypeError(node, $"'{word}' needs true or false on both sides, found {CompileContext.Describe(node, operand.Type)}",
                    $"compare it, e.g. {ExpressionPrinter.Print(node)} {Example(operand.Type)}");
                ok = false;
            }
        }

        if (!ok)
        {
            return null;
        }

        var (a, b) = (Coercion.ToBool(left), Coercion.ToBool(right));
        return new Typed(binary.Operator == BinaryOperator.And ? Expression.AndAlso(a, b) : Expression.OrElse(a, b), ExprType.Bool);
    }

    private static string Example(ExprType type) => type switch
    {
        ExprType.Number => "> 0",
        ExprType.Duration => "> 5m",
        ExprType.Time => "> bundle.collected_at - 1h",
        ExprType.List => "contains 'x'",
        _ => "== 'x'",
    };
}
