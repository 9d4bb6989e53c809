SELECT COUNT(*) FROM papers WHERE hidden = 0
