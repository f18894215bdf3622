namespace KnowledgeEngine.Facts.Bundles;

/// <summary>Lists a folder bundle, following links only while they stay inside it.</summary>
internal static class FolderWalker
{
    public static List<UnpackedItem> Walk(string root, string displayName, List<Diagnostic> diagnostics)
    {
        var items = new List<UnpackedItem>();
        var fullRoot = Path.GetFullPath(root).TrimEnd('/') + "/";
        try
        {
            using var probe = Directory.EnumerateFileSystemEntries(fullRoot).GetEnumerator();
            probe.MoveNext();
        }
        catch (UnauthorizedAccessException ex)
        {
            // An unreadable sub-folder is skipped with a warning; an unreadable bundle leaves nothing to read.
            throw new BundleException($"{displayName}: the bundle folder cannot be read (permission denied). Run kb as a user who can read it, or copy it somewhere readable.", ex);
        }
        Walk(new DirectoryInfo(fullRoot), fullRoot, displayName, items, diagnostics);
        return items;
    }

    private static void Walk(DirectoryInfo folder, string root, string displayName, List<UnpackedItem> items, List<Diagnostic> diagnostics)
    {
        IEnumerable<FileSystemInfo> children;
        try
        {
            children = folder.EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false })
                .OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        }
        catch (UnauthorizedAccessException)
        {
            diagnostics.Add(BundleCodes.Warning(BundleCodes.Unreadable, SourceSpan.OfFile(displayName),
                $"folder '{Relative(folder.FullName, root)}' cannot be read (permission denied); it was skipped", "run kb as a user who can read it"));
            return;
        }
        foreach (var child in children)
        {
            var relative = Relative(child.FullName, root);
            if (child.LinkTarget is not null)
            {
                FileSystemInfo? resolved;
                try
                {
                    resolved = child.ResolveLinkTarget(returnFinalTarget: true);
                }
                catch (IOException e)
                {
                    // A link loop or a broken chain: the entry cannot be read, the rest of the bundle can.
                    diagnostics.Add(BundleCodes.Warning(BundleCodes.LinkSkipped, SourceSpan.OfFile(displayName),
                        $"link '{relative}' cannot be followed ({e.Message.TrimEnd('.')}); it was skipped", "replace it with the file it should point to"));
                    continue;
                }

                if (resolved is null || !(resolved.FullName + "/").StartsWith(root, StringComparison.Ordinal) || !resolved.Exists)
                {
                    diagnostics.Add(BundleCodes.Warning(BundleCodes.LinkSkipped, SourceSpan.OfFile(displayName),
                        $"link '{relative}' -> '{child.LinkTarget}' refused: it points outside the bundle or nowhere; the link was skipped"));
                    continue;
                }
                // A folder link inside the bundle only repeats files that are listed anyway.
                if (resolved is DirectoryInfo)
                {
                    continue;
                }

                items.Add(new UnpackedItem(relative, resolved.FullName, ((FileInfo)resolved).Length, resolved.LastWriteTimeUtc));
                continue;
            }
            if (child is DirectoryInfo sub)
            {
                Walk(sub, root, displayName, items, diagnostics);
            }
            else if (child is FileInfo file)
            {
                items.Add(new UnpackedItem(relative, file.FullName, file.Length, file.LastWriteTimeUtc));
            }
        }
    }

    private static string Relative(string full, string root) =>
        full.Length >= root.Length ? full[root.Length..].TrimEnd('/') : "";
}
