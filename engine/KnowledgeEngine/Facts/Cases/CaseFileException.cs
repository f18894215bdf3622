namespace KnowledgeEngine.Facts.Cases;

/// <summary>A case file that cannot be read; the message is <c>file:line:col: what — how to mend it</c>.</summary>
public sealed class CaseFileException(string message) : Exception(message);
