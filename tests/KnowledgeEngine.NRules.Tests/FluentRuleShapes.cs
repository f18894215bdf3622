using NRules.Fluent.Dsl;

namespace KnowledgeEngine.NRules.Tests;

/// <summary>Fluent rules over the engine tests' facts: ones our session runs and ones it must refuse.</summary>
public static class FluentRuleShapes
{
    /// <summary>Joins B to A on the key unless a C of the key exists, and yields a Derived fact for the pair.</summary>
    [Name("fluent/join")]
    [Priority(5)]
    public sealed class Join : Rule
    {
        public override void Define()
        {
            A a = null!;
            B b = null!;
            When()
                .Match(() => a, x => x.Value > 0)
                .Match(() => b, y => y.Key == a.Key)
                .Not<C>(c => c.Key == a.Key);
            Then()
                .Yield(_ => new Derived("pair", a.Key + (b.Value * 100)));
        }
    }

    /// <summary>Inserts plainly and halts: the derived fact stays after its match goes.</summary>
    [Name("fluent/insert")]
    public sealed class InsertAndHalt : Rule
    {
        public override void Define()
        {
            A a = null!;
            When()
                .Match(() => a)
                .Exists<B>(b => b.Key == a.Key);
            Then()
                .Do(ctx => ctx.Insert(new Derived("kept", a.Key)))
                .Do(ctx => ctx.Halt());
        }
    }

    /// <summary>Inserts two linked facts at once for each A, and two plain ones.</summary>
    [Name("fluent/all")]
    public sealed class InsertAll : Rule
    {
        public override void Define()
        {
            A a = null!;
            When().Match(() => a);
            Then()
                .Do(ctx => ctx.InsertAllLinked(new[]
                {
                    new KeyValuePair<object, object>("first", new Derived("linked-1", a.Key)),
                    new KeyValuePair<object, object>("second", new Derived("linked-2", a.Key)),
                }))
                .Do(ctx => ctx.InsertAll(new object[] { new Derived("plain-1", a.Key), new Derived("plain-2", a.Key) }));
        }
    }

    [Name("fluent/without-derives")]
    public sealed class WithoutDerives : Rule
    {
        public override void Define()
        {
            A a = null!;
            When().Match(() => a);
            Then().Do(ctx => ctx.Insert(new Derived("x", a.Key)));
        }
    }

    [Name("fluent/or")]
    public sealed class Or : Rule
    {
        public override void Define()
        {
            A a = null!;
            When().Or(x => x.Match(() => a, v => v.Key == 1).Match(() => a, v => v.Key == 2));
            Then().Do(ctx => ctx.Halt());
        }
    }

    [Name("fluent/collect")]
    public sealed class Collect : Rule
    {
        public override void Define()
        {
            IEnumerable<A> all = null!;
            When().Query(() => all, q => q.Match<A>().Collect().Where(c => c.Count() > 2));
            Then().Do(ctx => ctx.Halt());
        }
    }

    [Name("fluent/undo")]
    public sealed class Undo : Rule
    {
        public override void Define()
        {
            A a = null!;
            When().Match(() => a);
            Then()
                .Do(ctx => ctx.Insert(new Derived("x", a.Key)))
                .Undo(ctx => ctx.Retract(new Derived("x", a.Key)));
        }
    }

    [Name("fluent/filter")]
    public sealed class Filter : Rule
    {
        public override void Define()
        {
            A a = null!;
            When().Match(() => a);
            Filter().Where(() => a.Value > 1);
            Then().Do(ctx => ctx.Halt());
        }
    }

    [Name("fluent/dependency")]
    public sealed class Dependency : Rule
    {
        public override void Define()
        {
            TimeProvider clock = null!;
            A a = null!;
            Dependency().Resolve(() => clock);
            When().Match(() => a);
            Then().Do(ctx => ctx.Insert(new Derived(clock.GetUtcNow().ToString("O"), a.Key)));
        }
    }

    /// <summary>NRules refuses it while building it (a rule needs an action that runs on a match).</summary>
    [Name("fluent/only-undo")]
    public sealed class OnlyUndo : Rule
    {
        public override void Define()
        {
            A a = null!;
            When().Match(() => a);
            Then().Undo(ctx => ctx.Halt());
        }
    }

    [Name("fluent/non-repeatable")]
    [Repeatability(global::NRules.RuleModel.RuleRepeatability.NonRepeatable)]
    public sealed class NonRepeatable : Rule
    {
        public override void Define()
        {
            A a = null!;
            When().Match(() => a);
            Then().Do(ctx => ctx.Halt());
        }
    }
}
