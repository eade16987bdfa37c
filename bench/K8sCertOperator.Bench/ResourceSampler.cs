namespace K8sCertOperator.Bench;

/// <summary>Keeps the largest RSS seen by polling (VmHWM from the kernel is the authoritative peak).</summary>
public sealed class ResourceSampler
{
    public double MaxRssMb { get; private set; }

    public void Sample(OperatorProcess op)
    {
        ArgumentNullException.ThrowIfNull(op);
        try
        {
            MaxRssMb = Math.Max(MaxRssMb, op.RssMb());
        }
        catch (IOException)
        {
            // The process exited between polls.
        }
    }
}
