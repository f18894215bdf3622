using Markdig.Helpers;

namespace KnowledgeEngine.Runbooks;

/// <summary>
/// The id a heading gets, computed the way GitHub does it (lower case, punctuation dropped, spaces
/// as hyphens), which is also how <see cref="HtmlPage"/> numbers its headings: a link to
/// <c>#&lt;anchor&gt;</c> then works in the HTML page and in the Markdown shown on GitHub alike.
/// Only the first heading with a given text gets the bare id; templates link to headings whose
/// text is unique in the page (the cause headings start with their rank).
/// </summary>
internal static class Anchors
{
    public static string Of(string headingText) => LinkHelper.UrilizeAsGfm(headingText);
}
