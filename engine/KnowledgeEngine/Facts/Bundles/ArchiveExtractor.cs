using System.Formats.Tar;
using System.IO.Compression;

namespace KnowledgeEngine.Facts.Bundles;

/// <summary>A file or link unpacked from an archive, named relative to the archive's root.</summary>
internal sealed record UnpackedItem(string Path, string PhysicalPath, long Size, DateTimeOffset? Modified, string? LinkTarget = null);

/// <summary>
/// Unpacks one archive into a workspace folder, refusing unsafe entries and stopping at the budget.
/// Unpacking (rather than streaming entries) lets files be scanned in parallel and read twice (sniff, then scan).
/// </summary>
internal sealed class ArchiveExtractor(ExtractionBudget budget, List<Diagnostic> diagnostics)
{
    private const int CopyBufferSize = 1 << 16;

    public List<UnpackedItem> Extract(string archiveFile, string displayName, ArchiveKind kind, string targetFolder)
    {
        Directory.CreateDirectory(targetFolder);
        var items = new List<UnpackedItem>();
        try
        {
            if (kind == ArchiveKind.Zip)
            {
                ExtractZip(archiveFile, displayName, targetFolder, items);
            }
            else
            {
                ExtractTar(archiveFile, displayName, kind, targetFolder, items);
            }
        }
        // System.Formats.Tar throws OverflowException for a base-256 number field too large for its type
        // (found by fuzzing: a mangled mtime or size); it is a damaged header like any other.
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or FormatException or OverflowException
                                       or SharpCompress.Common.ArchiveException or IOException
                                   && ex is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw Damaged(displayName, kind, ex);
        }
        // An entry kind System.Formats.Tar cannot read (a GNU sparse file, found by fuzzing): the reader cannot
        // step over it, so the archive is refused with what to do, not with a stack trace.
        catch (NotSupportedException ex) when (kind != ArchiveKind.Zip)
        {
            throw new BundleException(
                $"{displayName}: cannot read this {Describe(kind)} archive: it holds an entry kb cannot read ({ex.Message.TrimEnd('.')}; GNU tar writes one for --sparse). Pack the bundle again without --sparse, or unpack it and give kb the folder.", ex);
        }
        return items;
    }

    internal static BundleException Damaged(string displayName, ArchiveKind kind, Exception ex)
    {
        var reason = ex switch
        {
            InvalidDataException when kind == ArchiveKind.Zip && ex.Message.Contains("Central Directory", StringComparison.OrdinalIgnoreCase) =>
                "its table of contents (the central directory at its end) is missing, so it was probably cut short while copying",
            EndOfStreamException => "it ends before the archive does, so it was probably cut short while copying",
            _ when ex.Message.Contains("integrity check", StringComparison.OrdinalIgnoreCase) =>
                "its integrity check does not match its content, so some of its bytes were changed (a bad copy, download or disk)",
            _ when ex.Message.Contains("end of", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("ends before", StringComparison.Ordinal) => "it ends before the archive does, so it was probably cut short while copying",
            _ when kind is ArchiveKind.Gzip or ArchiveKind.Xz =>
                "its compressed data is damaged, so some of its bytes were changed (a bad copy, download or disk)",
            _ => "its content is not a valid archive",
        };
        return new BundleException(
            $"{displayName}: cannot read this {Describe(kind)} archive: {reason}. Copy or collect the bundle again.", ex);
    }

    internal static string Describe(ArchiveKind kind) => kind switch
    {
        ArchiveKind.Zip => "zip",
        ArchiveKind.Gzip => "gzip",
        ArchiveKind.Xz => "xz",
        ArchiveKind.Tar => "tar",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private void ExtractZip(string archiveFile, string displayName, string targetFolder, List<UnpackedItem> items)
    {
        using var zip = ZipFile.OpenRead(archiveFile);
        foreach (var entry in zip.Entries)
        {
            if (entry.FullName.EndsWith('/'))
            {
                continue;
            }

            var path = Accept(displayName, entry.FullName);
            if (path is null)
            {
                continue;
            }

            budget.CountEntry(displayName, entry.FullName);
            var physical = Path.Combine(targetFolder, path);
            Workspace.ThrowIfStopping();
            Directory.CreateDirectory(Path.GetDirectoryName(physical)!);
            using (var source = entry.Open())
            using (var target = File.Create(physical))
            {
                var packed = entry.CompressedLength;
                Copy(source, target, displayName, entry.FullName, written => budget.CheckRatio(displayName, entry.FullName, written, packed));
            }
            items.Add(new UnpackedItem(path, physical, new FileInfo(physical).Length, entry.LastWriteTime));
        }
    }

    private void ExtractTar(string archiveFile, string displayName, ArchiveKind kind, string targetFolder, List<UnpackedItem> items)
    {
        using var counting = new CountingStream(new FileStream(archiveFile, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBufferSize));
        using var decoded = Decoders.Open(counting, archiveFile, Decoders.EncodingOf(kind), leaveOpen: true);
        using var reader = new TarReader(decoded);
        long unpackedTotal = 0;
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is TarEntryType.Directory or TarEntryType.GlobalExtendedAttributes)
            {
                continue;
            }

            var path = Accept(displayName, entry.Name);
            if (path is null)
            {
                continue;
            }

            budget.CountEntry(displayName, entry.Name);
            if (entry.EntryType is TarEntryType.SymbolicLink or TarEntryType.HardLink)
            {
                // Hard-link targets are archive-rooted; symbolic ones are relative to the link's folder.
                var target = entry.EntryType == TarEntryType.HardLink
                    ? EntryPath.Normalise(entry.LinkName, out _)
                    : EntryPath.ResolveLink(path, entry.LinkName);
                if (target is null)
                {
                    diagnostics.Add(BundleCodes.Warning(BundleCodes.LinkSkipped, SourceSpan.OfFile(displayName),
                        $"link '{entry.Name}' -> '{entry.LinkName}' refused: it points outside the bundle; the link was skipped"));
                    continue;
                }
                items.Add(new UnpackedItem(path, "", 0, entry.ModificationTime, target));
                continue;
            }
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile))
            {
                diagnostics.Add(BundleCodes.Info(BundleCodes.NotAFile, SourceSpan.OfFile(displayName),
                    $"entry '{entry.Name}' is a {entry.EntryType} entry, not a file; it was skipped"));
                continue;
            }
            var physical = Path.Combine(targetFolder, path);
            Workspace.ThrowIfStopping();
            Directory.CreateDirectory(Path.GetDirectoryName(physical)!);
            using (var target = File.Create(physical))
            {
                if (entry.DataStream is { } data)
                {
                    var before = unpackedTotal;
                    Copy(data, target, displayName, entry.Name,
                        written => budget.CheckRatio(displayName, entry.Name, before + written, counting.BytesRead));
                    unpackedTotal += target.Length;
                }
            }
            items.Add(new UnpackedItem(path, physical, new FileInfo(physical).Length, entry.ModificationTime));
        }
        // The tar reader stops at the end-of-archive marker; the compressed stream goes on to its
        // end, where the xz and gzip checks are compared. Reading it out is what verifies them.
        if (kind != ArchiveKind.Tar)
        {
            Copy(decoded, Stream.Null, displayName, "(end of archive)",
                written => budget.CheckRatio(displayName, "(end of archive)", unpackedTotal + written, counting.BytesRead));
        }
    }

    private string? Accept(string displayName, string name)
    {
        var path = EntryPath.Normalise(name, out var refusal);
        if (path is null)
        {
            diagnostics.Add(BundleCodes.Warning(BundleCodes.EntryRefused, SourceSpan.OfFile(displayName),
                $"entry '{name}' refused: {refusal}; the entry was skipped"));
            return null;
        }
        return path.Length == 0 ? null : path;
    }

    private void Copy(Stream source, Stream target, string displayName, string entryName, Action<long> checkRatio)
    {
        var buffer = new byte[CopyBufferSize];
        long written = 0;
        int read;
        while ((read = source.Read(buffer)) > 0)
        {
            Workspace.ThrowIfStopping();
            budget.CountBytes(displayName, entryName, read);
            written += read;
            checkRatio(written);
            target.Write(buffer, 0, read);
        }
    }
}
