"""User interface: actions, panel and settings. Launches Processing; never computes."""
