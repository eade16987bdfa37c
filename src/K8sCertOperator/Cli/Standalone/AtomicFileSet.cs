namespace K8sCertOperator.Cli.Standalone;

/// <summary>
/// Replaces a set of files in one folder so that readers see either all old or all new contents, never a torn
/// file: every new file is first written whole to a temporary file beside its target (and flushed to disk),
/// and only then renamed over the target, the old one kept as a backup until the last rename. A failure while
/// writing leaves the old files untouched; a failure while renaming puts back the ones already replaced.
/// </summary>
public sealed class AtomicFileSet
{
    private const string TemporarySuffix = ".certify-new";
    private const string BackupSuffix = ".certify-old";

    /// <summary>Called before each step; tests throw from it to interrupt the write at that point.</summary>
    public Action<AtomicFileSetStep, string>? BeforeStep { get; init; }

    public void Write(string directory, IReadOnlyList<OutputFile> files)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(files);
        Directory.CreateDirectory(directory);
        var staged = new List<(OutputFile File, string Temporary)>();
        try
        {
            foreach (var file in files)
            {
                var temporary = Path.Combine(directory, "." + file.Name + TemporarySuffix);
                staged.Add((file, temporary));
                BeforeStep?.Invoke(AtomicFileSetStep.WriteTemporary, file.Name);
                WriteWhole(temporary, file);
            }
            Commit(directory, staged);
        }
        finally
        {
            foreach (var (_, temporary) in staged)
            {
                DeleteQuietly(temporary);
            }
        }
    }

    private void Commit(string directory, List<(OutputFile File, string Temporary)> staged)
    {
        var replaced = new List<(string Target, string? Backup)>();
        try
        {
            foreach (var (file, temporary) in staged)
            {
                BeforeStep?.Invoke(AtomicFileSetStep.Replace, file.Name);
                var target = Path.Combine(directory, file.Name);
                if (File.Exists(target))
                {
                    var backup = Path.Combine(directory, "." + file.Name + BackupSuffix);
                    File.Replace(temporary, target, backup);
                    replaced.Add((target, backup));
                }
                else
                {
                    File.Move(temporary, target);
                    replaced.Add((target, null));
                }
            }
        }
        catch
        {
            RollBack(replaced);
            throw;
        }
        foreach (var (_, backup) in replaced)
        {
            if (backup is not null)
            {
                DeleteQuietly(backup);
            }
        }
    }

    // Best effort: the exception that got us here is what the caller must see.
    private static void RollBack(List<(string Target, string? Backup)> replaced)
    {
        for (var i = replaced.Count - 1; i >= 0; i--)
        {
            var (target, backup) = replaced[i];
            try
            {
                if (backup is null)
                {
                    File.Delete(target);
                }
                else
                {
                    File.Move(backup, target, overwrite: true);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left for the next run: renew treats a key that does not match its certificate as due.
            }
        }
    }

    private static void WriteWhole(string path, OutputFile file)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = file.Private
                ? UnixFileMode.UserRead | UnixFileMode.UserWrite
                : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        }
        using var stream = new FileStream(path, options);
        using (var writer = new StreamWriter(stream, leaveOpen: true))
        {
            writer.Write(file.Content);
        }
        stream.Flush(flushToDisk: true);
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A stale temporary file is overwritten by the next run.
        }
    }
}
