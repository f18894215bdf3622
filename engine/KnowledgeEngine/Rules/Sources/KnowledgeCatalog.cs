namespace KnowledgeEngine.Rules;

/// <summary>
/// What a knowledge base holds besides its rules, as loading checks it: the articles a rule may link to
/// (paths relative to knowledge/) and the bundles and real cases its examples may name (paths relative to the
/// knowledge base root). A folder on disk is one; a list of paths (the knowledge shipped inside kb) is another.
/// </summary>
public abstract class KnowledgeCatalog
{
    /// <summary>Whether the catalog lists articles at all: a rules folder outside any knowledge base has none
    /// to check its links against.</summary>
    public virtual bool KnowsArticles => true;

    /// <summary>Does knowledge/<paramref name="article"/> exist?</summary>
    public abstract bool HasArticle(string article);

    /// <summary>Does a file or folder exist at this path from the root?</summary>
    public abstract bool HasPath(string path);

    /// <summary>Every article's path relative to knowledge/, for suggestions.</summary>
    public abstract IEnumerable<string> Articles();

    /// <summary>The knowledge base in this folder (the one holding rules/ and knowledge/).</summary>
    public static KnowledgeCatalog InFolder(string root) => new FolderCatalog(root);

    /// <summary>A knowledge base known by the paths of its files, relative to its root and written with '/'.</summary>
    public static KnowledgeCatalog OfPaths(IEnumerable<string> paths) => new PathCatalog(paths);

    private sealed class FolderCatalog(string root) : KnowledgeCatalog
    {
        private readonly string _knowledge = System.IO.Path.Combine(root, "knowledge");

        public override bool KnowsArticles => Directory.Exists(_knowledge);

        public override bool HasArticle(string article) => File.Exists(System.IO.Path.Combine(_knowledge, article));

        public override bool HasPath(string path) =>
            File.Exists(System.IO.Path.Combine(root, path)) || Directory.Exists(System.IO.Path.Combine(root, path));

        public override IEnumerable<string> Articles() => Directory.Exists(_knowledge)
            ? Directory.EnumerateFiles(_knowledge, "*.md", SearchOption.AllDirectories).Select(f => System.IO.Path.GetRelativePath(_knowledge, f).Replace('\\', '/'))
            : [];
    }

    private sealed class PathCatalog : KnowledgeCatalog
    {
        private readonly HashSet<string> _files;
        private readonly HashSet<string> _folders = new(StringComparer.Ordinal);

        public PathCatalog(IEnumerable<string> paths)
        {
            _files = paths.Select(p => p.Replace('\\', '/')).ToHashSet(StringComparer.Ordinal);
            foreach (var file in _files)
            {
                for (var slash = file.LastIndexOf('/'); slash > 0; slash = file.LastIndexOf('/', slash - 1))
                {
                    if (!_folders.Add(file[..slash]))
                    {
                        break;
                    }
                }
            }
        }

        public override bool HasArticle(string article) => _files.Contains("knowledge/" + article.Replace('\\', '/'));

        public override bool HasPath(string path)
        {
            var normal = path.Replace('\\', '/').TrimEnd('/');
            return _files.Contains(normal) || _folders.Contains(normal);
        }

        public override IEnumerable<string> Articles() =>
            _files.Where(f => f.StartsWith("knowledge/", StringComparison.Ordinal) && f.EndsWith(".md", StringComparison.Ordinal)).Select(f => f["knowledge/".Length..]);
    }
}
