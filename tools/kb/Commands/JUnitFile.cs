using System.Xml.Linq;

namespace KnowledgeEngine.Cli.Commands;

/// <summary>Saves a JUnit XML document, creating its folder (CI paths such as out/junit.xml often do not exist yet).</summary>
internal static class JUnitFile
{
    public static void Save(string path, XDocument document)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        document.Save(path);
    }
}
