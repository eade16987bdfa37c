namespace K8sCertOperator.Cli.Standalone;

/// <summary>One file certify writes: its name in the output folder, its text, and whether only the owner may read it.</summary>
public sealed record OutputFile(string Name, string Content, bool Private)
{
    public override string ToString() => Private ? $"{Name} (private)" : Name;
}
