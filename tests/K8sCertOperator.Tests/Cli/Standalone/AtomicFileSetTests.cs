using K8sCertOperator.Cli.Standalone;

namespace K8sCertOperator.Tests.Cli.Standalone;

/// <summary>The output files are replaced as one set: an interruption at any step leaves the old set whole.</summary>
public sealed class AtomicFileSetTests : IDisposable
{
    private static readonly OutputFile[] Old =
    [
        new("tls.crt", "old certificate", false),
        new("tls.key", "old key", true),
        new("ca.crt", "old ca", false),
    ];

    private static readonly OutputFile[] New =
    [
        new("tls.crt", "new certificate", false),
        new("tls.key", "new key", true),
        new("ca.crt", "new ca", false),
    ];

    private readonly string _directory = Directory.CreateTempSubdirectory("atomic-").FullName;

    public static TheoryData<AtomicFileSetStep, string> Interruptions => new()
    {
        { AtomicFileSetStep.WriteTemporary, "tls.crt" },
        { AtomicFileSetStep.WriteTemporary, "tls.key" },
        { AtomicFileSetStep.WriteTemporary, "ca.crt" },
        { AtomicFileSetStep.Replace, "tls.crt" },
        { AtomicFileSetStep.Replace, "tls.key" },
        { AtomicFileSetStep.Replace, "ca.crt" },
    };

    [Fact]
    public void Writes_a_new_set_and_replaces_an_old_one()
    {
        new AtomicFileSet().Write(_directory, Old);
        new AtomicFileSet().Write(_directory, New);

        Assert.Equal(New.Select(f => f.Content), New.Select(f => File.ReadAllText(Path.Combine(_directory, f.Name))));
        Assert.Equal(New.Select(f => f.Name).Order(), Directory.GetFiles(_directory).Select(Path.GetFileName).Order());
    }

    [SkippableFact]
    public void The_key_is_readable_by_its_owner_only()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes");
        new AtomicFileSet().Write(_directory, Old);
        new AtomicFileSet().Write(_directory, New);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_directory, "tls.key")));
        Assert.True(File.GetUnixFileMode(Path.Combine(_directory, "tls.crt")).HasFlag(UnixFileMode.OtherRead));
    }

    [Theory]
    [MemberData(nameof(Interruptions))]
    public void An_interruption_leaves_the_old_files_intact_and_no_leftovers(AtomicFileSetStep step, string file)
    {
        new AtomicFileSet().Write(_directory, Old);
        var interrupted = new AtomicFileSet
        {
            BeforeStep = (s, name) =>
            {
                if (s == step && name == file)
                {
                    throw new IOException($"interrupted before {s} of {name}");
                }
            },
        };

        var error = Assert.Throws<IOException>(() => interrupted.Write(_directory, New));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Equal(Old.Select(f => f.Content), Old.Select(f => File.ReadAllText(Path.Combine(_directory, f.Name))));
        Assert.Equal(Old.Select(f => f.Name).Order(), Directory.GetFiles(_directory).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void An_interrupted_first_write_leaves_no_files()
    {
        var interrupted = new AtomicFileSet
        {
            BeforeStep = (s, name) =>
            {
                if (s == AtomicFileSetStep.Replace && name == "ca.crt")
                {
                    throw new IOException("disk full");
                }
            },
        };

        Assert.Throws<IOException>(() => interrupted.Write(_directory, New));

        Assert.Empty(Directory.GetFiles(_directory));
    }

    [Fact]
    public void Names_the_key_file_without_its_content() =>
        Assert.DoesNotContain("old key", Old[1].ToString(), StringComparison.Ordinal);

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
