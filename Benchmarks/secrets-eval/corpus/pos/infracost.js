const auth = 'ico-Cbf5UQ6tl8RksjG3DGB6rWbZWSEGvsXd';
