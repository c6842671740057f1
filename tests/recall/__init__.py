"""The recall and precision harness of `docgen check`: defects injected into clean
document sets by code, and the clean sets themselves, which must give no finding."""
