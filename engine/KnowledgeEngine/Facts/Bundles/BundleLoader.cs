namespace KnowledgeEngine.Facts.Bundles;

/// <summary>
/// Turns what the operator pointed at (folder, archive, single file) into a flat inventory of entries,
/// unpacking nested archives in place of themselves and refusing what is unsafe.
/// </summary>
internal sealed class BundleLoader(BundleLimits limits, Workspace workspace, List<Diagnostic> diagnostics)
{
    private readonly ExtractionBudget _budget = new(limits);

    /// <summary>Entries that look compressed but do not decompress: not tried again as nested archives.</summary>
    private readonly HashSet<string> _undecodable = new(StringComparer.Ordinal);

    /// <summary>The name standard input goes by in paths, evidence and messages.</summary>
    public const string StandardInputName = "stdin";

    /// <summary>
    /// Several inputs read as one bundle: each keeps the paths it would have alone (a file its name, a
    /// folder or archive its content), so rules and layouts see them as if collected together; an input
    /// whose paths clash with an earlier one's is put under a folder named after it.
    /// </summary>
    public List<BundleEntry> LoadAll(IReadOnlyList<string> paths, Func<Stream>? standardInput)
    {
        if (paths.Count == 1)
        {
            return Load(paths[0], standardInput);
        }

        var entries = new List<BundleEntry>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var loaded = Load(path, standardInput);
            if (loaded.Any(e => taken.Contains(e.Path)))
            {
                var folder = InputName(path);
                while (loaded.Any(e => taken.Contains($"{folder}/{e.Path}")))
                {
                    folder += "_";
                }

                diagnostics.Add(BundleCodes.Info(BundleCodes.InputsMoved, SourceSpan.OfFile(folder),
                    $"its files have the same paths as files of an earlier input; they were put under '{folder}/'"));
                loaded = loaded.Select(e => e with { Path = $"{folder}/{e.Path}" }).ToList();
            }
            foreach (var entry in loaded)
            {
                taken.Add(entry.Path);
            }

            entries.AddRange(loaded);
        }
        return entries;
    }

    /// <summary>"-:logs/host.log": standard input under the path a collector would have given it, so rules
    /// that read "**/host*.log" and the platform guessed from file names see it as that file.</summary>
    private static string? StandardInputAs(string path)
    {
        if (!path.StartsWith("-:", StringComparison.Ordinal) || path.Length == 2)
        {
            return null;
        }

        var name = path[2..].Replace('\\', '/').TrimStart('/');
        return name.Split('/').Any(part => part is "" or "." or "..")
            ? throw new BundleException($"'{path}': the name given to standard input must be a relative path without '.' or '..' parts, e.g. -:logs/host.log.")
            : name;
    }

    /// <summary>The name an input goes by: its file name; "stdin" for "-"; "pipe" for a process
    /// substitution's /dev/fd/63, whose number means nothing.</summary>
    public static string InputName(string path) =>
        path == "-" ? StandardInputName
        : StandardInputAs(path) is { } named ? named
        : path.StartsWith("/dev/fd/", StringComparison.Ordinal) || path.StartsWith("/proc/self/fd/", StringComparison.Ordinal) ? "pipe"
        : Path.GetFileName(Path.TrimEndingDirectorySeparator(path)) is { Length: > 0 } name ? name : path;

    public List<BundleEntry> Load(string path, Func<Stream>? standardInput = null)
    {
        var displayName = InputName(path);
        if (path == "-" || StandardInputAs(path) is not null)
        {
            if (standardInput is null)
            {
                throw new BundleException("'-' stands for standard input, which this command cannot read here. Give the path of a file or folder.");
            }

            using var input = standardInput();
            return LoadSpooled(InputSpooler.Spool(input, displayName, "standard input", workspace, _budget));
        }
        if (Directory.Exists(path))
        {
            return Expand(StripSingleFolder(FolderWalker.Walk(path, displayName, diagnostics)), "", 0);
        }

        if (!File.Exists(path))
        {
            throw new BundleException($"{path}: no such file or folder. Give the path of a bundle folder, an archive or a log file.");
        }

        if (InputSpooler.OpenIfStream(path) is { } once)
        {
            using (once)
            {
                return LoadSpooled(InputSpooler.Spool(once, displayName, $"{path} (a pipe)", workspace, _budget));
            }
        }
        return LoadFile(path, displayName);
    }

    private List<BundleEntry> LoadSpooled(UnpackedItem spooled) =>
        ArchiveSniffer.DetectFile(spooled.PhysicalPath, out _) == ArchiveKind.None
            ? Expand([spooled], "", 0)
            : LoadFile(spooled.PhysicalPath, spooled.Path);

    private List<BundleEntry> LoadFile(string path, string displayName)
    {
        var kind = ArchiveSniffer.DetectFile(path, out _);
        switch (kind)
        {
            case ArchiveKind.Age:
                throw new BundleException(AgeRefusal(displayName));
            case ArchiveKind.Zip or ArchiveKind.Tar:
            case ArchiveKind.Gzip or ArchiveKind.Xz when ContentSniffer.WrapsTar(path, kind):
                var unpacked = new ArchiveExtractor(_budget, diagnostics).Extract(path, displayName, kind, workspace.NewFolder());
                return Expand(StripSingleFolder(unpacked), "", 1);
            case ArchiveKind.Gzip or ArchiveKind.Xz when !ContentSniffer.Decodes(path, kind):
                throw new BundleException(
                    $"{displayName}: starts like {(kind == ArchiveKind.Gzip ? "a gzip" : "an xz")} file but its data does not decompress; it is corrupt or was cut short. " +
                    "Copy or collect it again (compare its size with the original), then retry.");
            case ArchiveKind.Bzip2 or ArchiveKind.Zstd:
                throw new BundleException(
                    $"{displayName}: {(kind == ArchiveKind.Bzip2 ? "bzip2" : "zstd")} compression is not supported. " +
                    $"Decompress it first ({(kind == ArchiveKind.Bzip2 ? "bunzip2" : "zstd -d")}) and point kb at the result.");
            default:
                var info = new FileInfo(path);
                var single = new UnpackedItem(displayName, info.FullName, info.Length, info.LastWriteTimeUtc);
                return Expand([single], "", 0);
        }
    }

    internal static string AgeRefusal(string name) => $"{name}: {AgeProblem}. {char.ToUpperInvariant(AgeFix(name)[0])}{AgeFix(name)[1..]}.";

    private const string AgeProblem =
        "this is an age-encrypted archive (header age-encryption.org/v1), the default output of 'talosctl support'; kb cannot read it";

    private static string AgeFix(string name) =>
        $"re-collect it with 'talosctl support --no-encryption', or decrypt it first with 'age -d -i <your-key> -o support.zip {name}' and point kb at support.zip";

    /// <summary>An archive's refusal without its leading "name: ", which the diagnostic's span now says.</summary>
    private static string WithoutName(string message, string name) =>
        message.StartsWith(name + ": ", StringComparison.Ordinal) ? message[(name.Length + 2)..] : message;

    /// <summary>Collectors zip a folder named after the bundle; that folder adds nothing to paths rules match.</summary>
    private static List<UnpackedItem> StripSingleFolder(List<UnpackedItem> items)
    {
        if (items.Count == 0)
        {
            return items;
        }

        var first = items[0].Path;
        var slash = first.IndexOf('/');
        if (slash <= 0)
        {
            return items;
        }

        var prefix = first[..(slash + 1)];
        if (!items.All(i => i.Path.StartsWith(prefix, StringComparison.Ordinal)))
        {
            return items;
        }

        return items.Select(i => i with
        {
            Path = i.Path[prefix.Length..],
            LinkTarget = i.LinkTarget is { } t && t.StartsWith(prefix, StringComparison.Ordinal) ? t[prefix.Length..] : i.LinkTarget,
        }).ToList();
    }

    private List<BundleEntry> Expand(List<UnpackedItem> items, string prefix, int depth)
    {
        var entries = new List<BundleEntry>();
        var byPath = items.Where(i => i.LinkTarget is null).ToDictionary(i => i.Path, StringComparer.Ordinal);
        foreach (var item in items)
        {
            var path = prefix + item.Path;
            var physical = item;
            if (item.LinkTarget is { } target)
            {
                if (!byPath.TryGetValue(target, out var resolved))
                {
                    diagnostics.Add(BundleCodes.Info(BundleCodes.LinkSkipped, SourceSpan.OfFile(path),
                        $"link to '{target}', which is not in the bundle; the link was skipped"));
                    continue;
                }
                physical = resolved;
            }
            path = VisibleName(path);
            var entry = TryInventory(path, physical);
            if (entry is null)
            {
                continue;
            }

            entries.Add(entry);
            if (item.LinkTarget is null && entry.IsBinary && !_undecodable.Contains(entry.Path))
            {
                entries.AddRange(TryNested(entry, depth));
            }
        }
        return entries;
    }

    /// <summary>A file that cannot be opened (permission, I/O error) costs its own facts, like an
    /// unreadable folder, not the whole bundle: it is listed as a warning and skipped.</summary>
    private BundleEntry? TryInventory(string path, UnpackedItem item)
    {
        try
        {
            return Inventory(path, item);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            var reason = ex is UnauthorizedAccessException ? "permission denied" : ex.Message.TrimEnd('.');
            diagnostics.Add(BundleCodes.Warning(BundleCodes.Unreadable, SourceSpan.OfFile(path),
                $"cannot be read ({reason}); it was skipped and its facts are missing", "run kb as a user who can read it"));
            return null;
        }
    }

    /// <summary>Control characters in a file name (a newline, ESC starting a terminal sequence) would
    /// split file:line evidence or act on the operator's terminal; they are written as \xNN.</summary>
    private string VisibleName(string path)
    {
        if (!path.Any(char.IsControl))
        {
            return path;
        }

        var visible = string.Concat(path.Select(c => char.IsControl(c) ? $"\\x{(int)c:x2}" : c.ToString()));
        diagnostics.Add(BundleCodes.Info(BundleCodes.ControlCharacters, SourceSpan.OfFile(visible),
            "the file name holds control characters; they are shown as \\xNN"));
        return visible;
    }

    private BundleEntry Inventory(string path, UnpackedItem item)
    {
        var kind = item.Size == 0 ? ArchiveKind.None : ArchiveSniffer.DetectFile(item.PhysicalPath, out _);
        var encoding = kind switch
        {
            ArchiveKind.Gzip when !ContentSniffer.WrapsTar(item.PhysicalPath, kind) => EntryEncoding.Gzip,
            ArchiveKind.Xz when !ContentSniffer.WrapsTar(item.PhysicalPath, kind) => EntryEncoding.Xz,
            ArchiveKind.None when item.Size > 0 => ContentSniffer.Utf16(ContentSniffer.ReadDecoded(item.PhysicalPath, EntryEncoding.Plain, 512)) ?? EntryEncoding.Plain,
            _ => EntryEncoding.Plain,
        };
        if (encoding is EntryEncoding.Gzip or EntryEncoding.Xz && !ContentSniffer.Decodes(item.PhysicalPath, kind))
        {
            diagnostics.Add(BundleCodes.Warning(BundleCodes.NotDecompressed, SourceSpan.OfFile(path),
                $"starts like {(kind == ArchiveKind.Gzip ? "a gzip" : "an xz")} file but does not decompress (corrupt or cut short); inventoried, not read",
                "collect it again if its content matters"));
            _undecodable.Add(path);
            return new BundleEntry(path, item.PhysicalPath, item.Size) { Modified = item.Modified, IsBinary = true, Encoding = EntryEncoding.Plain };
        }
        var binary = kind is ArchiveKind.Zip or ArchiveKind.Tar or ArchiveKind.Bzip2 or ArchiveKind.Zstd or ArchiveKind.Age
                     || (kind is ArchiveKind.Gzip or ArchiveKind.Xz && encoding == EntryEncoding.Plain)
                     || (item.Size > 0 && ContentSniffer.IsBinaryFile(item.PhysicalPath, encoding));
        return new BundleEntry(path, item.PhysicalPath, item.Size)
        {
            Modified = item.Modified,
            IsBinary = binary,
            Encoding = encoding,
        };
    }

    private List<BundleEntry> TryNested(BundleEntry entry, int depth)
    {
        var kind = ArchiveSniffer.DetectFile(entry.PhysicalPath, out _);
        if (kind == ArchiveKind.Age)
        {
            diagnostics.Add(BundleCodes.Warning(BundleCodes.Encrypted, SourceSpan.OfFile(entry.Path), AgeProblem, AgeFix(entry.Path)));
            return [];
        }
        var isArchive = kind is ArchiveKind.Zip or ArchiveKind.Tar
                        || (kind is ArchiveKind.Gzip or ArchiveKind.Xz && entry.Encoding == EntryEncoding.Plain);
        if (!isArchive)
        {
            return [];
        }

        if (depth >= limits.MaxNestingDepth)
        {
            diagnostics.Add(BundleCodes.Warning(BundleCodes.NestedTooDeep, SourceSpan.OfFile(entry.Path),
                $"archive nested more than {limits.MaxNestingDepth} levels deep; it was inventoried but not unpacked", "unpack it yourself if its content matters"));
            return [];
        }
        List<UnpackedItem> inner;
        try
        {
            inner = new ArchiveExtractor(_budget, diagnostics).Extract(entry.PhysicalPath, entry.Path, kind, workspace.NewFolder());
        }
        catch (BundleException ex) when (ex.InnerException is not null)
        {
            // A damaged archive inside a good bundle costs its own content, not the whole diagnosis.
            diagnostics.Add(BundleCodes.Warning(BundleCodes.DamagedArchive, SourceSpan.OfFile(entry.Path), WithoutName(ex.Message, entry.Path)));
            return [];
        }
        return Expand(StripSingleFolder(inner), EntryPath.NestedRoot(entry.Path) + "/", depth + 1);
    }
}
