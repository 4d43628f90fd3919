// Job scheduler: runs nightly maintenance and other daily jobs in household time.
