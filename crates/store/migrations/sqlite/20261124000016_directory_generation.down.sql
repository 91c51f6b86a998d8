DROP TABLE dir_generations;
