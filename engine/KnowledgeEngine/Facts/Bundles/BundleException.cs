namespace KnowledgeEngine.Facts;

/// <summary>
/// A bundle that cannot be read as a whole (encrypted, damaged, an archive bomb, missing).
/// The message says what was found, where, and what the operator can do; it is meant to be shown as is.
/// </summary>
public sealed class BundleException : Exception
{
    public BundleException(string message) : base(message)
    {
    }

    public BundleException(string message, Exception inner) : base(message, inner)
    {
    }
}
