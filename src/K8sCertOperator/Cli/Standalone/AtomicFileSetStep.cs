namespace K8sCertOperator.Cli.Standalone;

/// <summary>The steps of <see cref="AtomicFileSet.Write"/>, for its test hook.</summary>
public enum AtomicFileSetStep
{
    /// <summary>Writing the new content to the temporary file beside the target.</summary>
    WriteTemporary,

    /// <summary>Renaming the temporary file over the target.</summary>
    Replace,
}
