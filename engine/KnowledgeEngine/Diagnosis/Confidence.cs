namespace KnowledgeEngine.Diagnosis;

/// <summary>One step of a confidence calculation, kept so the report can show how it was reached.</summary>
public sealed record ConfidenceStep(string Reason, double Weight, double Before, double After);

/// <summary>
/// Certainty-factor combination. Evidence found with weight w moves the belief part of the way to
/// certainty (c + w·(1 − c)); counter-evidence found moves it part of the way to zero (c · (1 − w)).
/// Both keep the value in 0..1 whatever the order or number of items, and each step is
/// explainable on its own.
/// </summary>
public static class Confidence
{
    public static double Support(double current, double weight) => current + Clamp(weight) * (1 - current);

    public static double Oppose(double current, double weight) => current * (1 - Clamp(weight));

    public static (double Value, IReadOnlyList<ConfidenceStep> Steps) Combine(
        double prior,
        IEnumerable<(string Reason, double Weight)> supporting,
        IEnumerable<(string Reason, double Weight)> opposing)
    {
        var steps = new List<ConfidenceStep>();
        var value = Clamp(prior);
        foreach (var (reason, weight) in supporting)
        {
            var next = Support(value, weight);
            steps.Add(new ConfidenceStep(reason, weight, value, next));
            value = next;
        }

        foreach (var (reason, weight) in opposing)
        {
            var next = Oppose(value, weight);
            steps.Add(new ConfidenceStep(reason, -weight, value, next));
            value = next;
        }

        return (value, steps);
    }

    private static double Clamp(double v) => double.IsNaN(v) ? 0 : Math.Clamp(v, 0, 1);
}
