using System.Runtime.InteropServices;

namespace Complaints.Api.Evidence;

/// <summary>
/// ImageSharp keeps pixels in 4 MB blocks of native memory (malloc). glibc serves a freed block size from its heap the next
/// time (its mmap threshold rises to the largest block freed, up to 32 MB) and keeps freed heap memory in its arenas: after a
/// burst of uploads the process stayed at 1.26 GB. With a fixed threshold every block of 1 MiB or more is its own mapping,
/// given back to the system when it is freed. Linux with glibc only; elsewhere nothing is changed.
/// </summary>
internal static partial class NativeHeap
{
    private const int MmapThresholdParameter = -3; // M_MMAP_THRESHOLD in malloc.h
    private const int MmapThresholdBytes = 1024 * 1024;

    private static int _configured;

    public static void ReturnLargeBlocksToTheSystem()
    {
        if (!OperatingSystem.IsLinux() || Interlocked.Exchange(ref _configured, 1) == 1)
        {
            return;
        }

        try
        {
            _ = MallOpt(MmapThresholdParameter, MmapThresholdBytes);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // Not glibc (musl has no such tuning): its allocator returns large blocks by itself.
        }
    }

    /// <summary>Gives the free memory at the top of glibc's heaps back to the system (after a burst).</summary>
    public static void Trim()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = MallocTrim(0);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
        }
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallOpt(int parameter, int value);

    [DllImport("libc", EntryPoint = "malloc_trim")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);
}
